namespace IncidentPortal.Features.Incidents;

public enum IncidentStatus { New, Assigned, InProgress, OnHold, Resolved, Closed, Cancelled }

public enum Impact { High = 1, Medium = 2, Low = 3 }

public enum Urgency { High = 1, Medium = 2, Low = 3 }

public enum Priority { P1 = 1, P2 = 2, P3 = 3, P4 = 4, P5 = 5 }

public enum IncidentSource { Portal, Agent, Email, Monitoring }

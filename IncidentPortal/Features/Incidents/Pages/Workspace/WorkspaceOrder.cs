using IncidentPortal.Features.Integrations;

namespace IncidentPortal.Features.Incidents.Pages.Workspace;

/// <summary>The panels beside the conversation, in the order an agent works through them.</summary>
public enum SidePanel { Details, Alerts, Sla, Tasks, Escalation, Eta, Review, StatusPage }

/// <summary>
/// What an agent reads first comes first: the title and status actions, then what was reported and the conversation;
/// beside them SLA, tasks, escalation, review, alerts — alerts first when monitoring raised the incident, because
/// then the alerts are the report.
/// </summary>
public static class WorkspaceOrder
{
    public static bool FromMonitoring(IncidentDetails incident) =>
        incident.Source == IncidentSource.Monitoring || incident.ReporterId == MonitoringAccount.UserId;

    public static IReadOnlyList<SidePanel> Side(IncidentDetails incident) => FromMonitoring(incident)
        ? [SidePanel.Alerts, SidePanel.Details, SidePanel.Sla, SidePanel.Tasks, SidePanel.Escalation, SidePanel.Eta, SidePanel.Review, SidePanel.StatusPage]
        : [SidePanel.Details, SidePanel.Sla, SidePanel.Tasks, SidePanel.Escalation, SidePanel.Eta, SidePanel.Review, SidePanel.Alerts, SidePanel.StatusPage];
}

namespace IncidentPortal.Features.MajorIncidents;

/// <summary>
/// Where a major incident stands. Proposed and Rejected belong to the proposal; Declared → Mitigated → Resolved →
/// InReview is the response's own lifecycle, alongside the incident's status.
/// </summary>
public enum MajorIncidentState { Proposed, Rejected, Declared, Mitigated, Resolved, InReview }

/// <summary>How bad it is; what each level means is configured (<see cref="MajorIncidentOptions"/>).</summary>
public enum Severity { Sev1 = 1, Sev2 = 2, Sev3 = 3 }

public enum ResponseRole { Commander, CommunicationsLead, Scribe, Responder }

/// <summary>
/// What a war-room log entry is: the lifecycle and role entries are written by the portal. Communication is an update
/// to stakeholders (internal); PublicUpdate one published on the status page, which children's reporters may read.
/// </summary>
public enum LogEntryKind { Lifecycle, Role, Note, Fact, Decision, Communication, PublicUpdate }

public static class MajorIncidentText
{
    public static string Label(Severity severity) => $"SEV{(int)severity}";

    public static string Label(ResponseRole role) => role switch
    {
        ResponseRole.Commander => "Incident commander",
        ResponseRole.CommunicationsLead => "Communications lead",
        ResponseRole.Scribe => "Scribe",
        _ => "Responder",
    };

    public static string Label(MajorIncidentState state) => state switch
    {
        MajorIncidentState.InReview => "In review",
        _ => state.ToString(),
    };
}

/// <summary>A major-incident rule refused a change; the message is for the user.</summary>
public sealed class MajorIncidentRuleException(string message) : InvalidOperationException(message);

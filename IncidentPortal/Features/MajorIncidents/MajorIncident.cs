namespace IncidentPortal.Features.MajorIncidents;

/// <summary>Who did something, and when: the actor's name is kept as it was at the time.</summary>
public sealed record ResponseActor(string UserId, string Name, DateTime At);

/// <summary>
/// The response to an incident run as a major incident: its proposal, declaration, severity, roles, lifecycle and war
/// room log. The incident itself (<see cref="IncidentId"/>) keeps its status, timeline and children.
/// Every change goes through a method here, and every change is written to the log.
/// </summary>
public partial class MajorIncident
{
    public const int MaxReasonLength = 500;
    public const int MaxLogLength = 2000;

    public int Id { get; private set; }
    public int IncidentId { get; private set; }
    public MajorIncidentState State { get; private set; }
    public Severity? Severity { get; private set; }

    public string ProposedById { get; private set; } = "";
    public string? ProposalReason { get; private set; }
    public DateTime ProposedAt { get; private set; }
    public string? RejectionReason { get; private set; }

    public DateTime? DeclaredAt { get; private set; }
    public DateTime? MitigatedAt { get; private set; }
    public DateTime? ResolvedAt { get; private set; }
    /// <summary>The first update to stakeholders or the status page after the declaration.</summary>
    public DateTime? FirstCommunicationAt { get; private set; }
    public DateTime? LastCommunicationAt { get; private set; }
    public string? BridgeUrl { get; private set; }
    /// <summary>The update due time a reminder went out for, and the one a missed update was escalated for.</summary>
    public DateTime? RemindedForDueAt { get; private set; }
    public DateTime? EscalatedForDueAt { get; private set; }
    /// <summary>Bumped by every change; the optimistic-concurrency token.</summary>
    /// <summary>The last public update (war-room log id) and parent public comment (activity id) passed on to the children.</summary>
    public long ForwardedLogId { get; private set; }
    public long ForwardedActivityId { get; private set; }

    public int Version { get; private set; }

    public List<RoleAssignment> Roles { get; } = [];
    public List<ResponseLogEntry> Log { get; } = [];

    public bool IsActive => State is MajorIncidentState.Declared or MajorIncidentState.Mitigated;

    public RoleAssignment? Commander => Holder(ResponseRole.Commander);

    private MajorIncident() { }

    /// <summary>An agent suggests that an incident be run as a major incident; a manager accepts or rejects it.</summary>
    public static MajorIncident Propose(int incidentId, ResponseActor by, string? reason)
    {
        var major = new MajorIncident
        {
            IncidentId = incidentId,
            State = MajorIncidentState.Proposed,
            ProposedById = by.UserId,
            ProposalReason = RequireReason(reason, "Say why this should be a major incident."),
            ProposedAt = by.At,
        };
        major.Write(by, LogEntryKind.Lifecycle, $"Proposed as a major incident: {major.ProposalReason}");
        return major;
    }

    /// <summary>An incident manager declares it directly, with a severity and a commander.</summary>
    public static MajorIncident Declare(int incidentId, ResponseActor manager, Severity severity, ResponseActor commander, string? reason)
    {
        var major = new MajorIncident
        {
            IncidentId = incidentId,
            State = MajorIncidentState.Proposed,
            ProposedById = manager.UserId,
            ProposalReason = string.IsNullOrWhiteSpace(reason) ? null : RequireReason(reason, ""),
            ProposedAt = manager.At,
        };
        major.Start(manager, severity, commander, "Declared a major incident");
        return major;
    }

    public void Accept(ResponseActor manager, Severity severity, ResponseActor commander)
    {
        Require(State == MajorIncidentState.Proposed, "Only a proposal can be accepted.");
        Start(manager, severity, commander, "Accepted the proposal and declared a major incident");
    }

    public void Reject(ResponseActor manager, string? reason)
    {
        Require(State == MajorIncidentState.Proposed, "Only a proposal can be rejected.");
        RejectionReason = RequireReason(reason, "Say why it is not a major incident, so the agent knows.");
        State = MajorIncidentState.Rejected;
        Write(manager, LogEntryKind.Lifecycle, $"Rejected the proposal: {RejectionReason}");
    }

    public void ChangeSeverity(ResponseActor manager, Severity severity)
    {
        Require(IsActive, "The severity changes only while the response is running.");
        if (Severity == severity) return;
        var before = Severity;
        Severity = severity;
        Write(manager, LogEntryKind.Lifecycle, $"Severity {Label(before)} → {MajorIncidentText.Label(severity)}");
    }

    public void Mitigate(ResponseActor by, string? note)
    {
        Require(State == MajorIncidentState.Declared, "Only a declared major incident can be marked mitigated.");
        State = MajorIncidentState.Mitigated;
        MitigatedAt = by.At;
        Write(by, LogEntryKind.Lifecycle, Sentence("Mitigated: the impact has stopped", note));
    }

    public void Resolve(ResponseActor by, string? note)
    {
        Require(IsActive, "Only a running major incident can be resolved.");
        State = MajorIncidentState.Resolved;
        MitigatedAt ??= by.At;
        ResolvedAt = by.At;
        foreach (var role in Roles.Where(r => r.EndedAt is null && r.Role != ResponseRole.Commander)) role.End(by.At);
        Write(by, LogEntryKind.Lifecycle, Sentence("Resolved", note));
    }

    public void StartReview(ResponseActor by)
    {
        Require(State == MajorIncidentState.Resolved, "The review starts once the major incident is resolved.");
        State = MajorIncidentState.InReview;
        Write(by, LogEntryKind.Lifecycle, "Post-incident review started");
    }

    public void SetBridge(ResponseActor by, string? url)
    {
        var trimmed = string.IsNullOrWhiteSpace(url) ? null : url.Trim();
        if (trimmed is not null && (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
        {
            throw new MajorIncidentRuleException("The bridge link must be a web address (https://…).");
        }
        if (trimmed == BridgeUrl) return;
        BridgeUrl = trimmed;
        Write(by, LogEntryKind.Lifecycle, trimmed is null ? "Removed the conference bridge link" : $"Conference bridge: {trimmed}");
    }

    /// <summary>
    /// An update went out to stakeholders (internal) or on the status page (public): it restarts the update clock.
    /// Only public ones may reach the reporters of linked incidents.
    /// </summary>
    public ResponseLogEntry RecordCommunication(ResponseActor by, string summary, bool isPublic = false)
    {
        Require(IsActive, "Updates are recorded while the response is running.");
        FirstCommunicationAt ??= by.At;
        LastCommunicationAt = by.At;
        return Write(by, isPublic ? LogEntryKind.PublicUpdate : LogEntryKind.Communication, RequireText(summary));
    }

    /// <summary>
    /// Whether the rhythm's current stage still needs its reminder (Due) or escalation (Overdue), and records that it is
    /// being sent: each due time is reminded once and escalated once.
    /// </summary>
    public bool TakeReminder(CadenceState cadence)
    {
        switch (cadence.Stage)
        {
            case CadenceStage.Due when RemindedForDueAt != cadence.DueAt:
                RemindedForDueAt = cadence.DueAt;
                break;
            case CadenceStage.Overdue when EscalatedForDueAt != cadence.DueAt:
                RemindedForDueAt = cadence.DueAt;
                EscalatedForDueAt = cadence.DueAt;
                break;
            default:
                return false;
        }
        Version++;
        return true;
    }

    /// <summary>Claims what is to be passed on to the children's reporters, so each update reaches them once.</summary>
    public void MarkForwarded(long logId, long activityId)
    {
        if (logId <= ForwardedLogId && activityId <= ForwardedActivityId) return;
        ForwardedLogId = Math.Max(ForwardedLogId, logId);
        ForwardedActivityId = Math.Max(ForwardedActivityId, activityId);
        Version++;
    }

    private void Start(ResponseActor manager, Severity severity, ResponseActor commander, string what)
    {
        Severity = severity;
        State = MajorIncidentState.Declared;
        DeclaredAt = manager.At;
        Write(manager, LogEntryKind.Lifecycle, $"{what} ({MajorIncidentText.Label(severity)})");
        Assign(manager, ResponseRole.Commander, commander);
    }

    private static string Label(Severity? severity) => severity is { } s ? MajorIncidentText.Label(s) : "none";

    private static string Sentence(string what, string? note) =>
        string.IsNullOrWhiteSpace(note) ? what : $"{what}. {RequireText(note)}";

    internal static string RequireReason(string? reason, string whenMissing)
    {
        var trimmed = (reason ?? "").Trim();
        if (trimmed.Length == 0) throw new MajorIncidentRuleException(whenMissing);
        if (trimmed.Length > MaxReasonLength) throw new MajorIncidentRuleException($"The reason can be at most {MaxReasonLength} characters.");
        return trimmed;
    }

    internal static string RequireText(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0) throw new MajorIncidentRuleException("Write something first.");
        if (trimmed.Length > MaxLogLength) throw new MajorIncidentRuleException($"An entry can be at most {MaxLogLength} characters.");
        return trimmed;
    }

    private static void Require(bool rule, string message)
    {
        if (!rule) throw new MajorIncidentRuleException(message);
    }
}

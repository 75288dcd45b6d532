using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Catalog;
using IncidentPortal.Features.Teams;

namespace IncidentPortal.Features.Incidents;

/// <summary>A reference to a named thing, so the timeline keeps the name it had at the time.</summary>
public sealed record Named<TId>(TId Id, string Name);

/// <summary>A disruption to a service, from first report to closure. Every change goes through a method here.</summary>
public partial class Incident
{
    public int Id { get; private set; }
    /// <summary>Sequential, never reused; shown as <see cref="Reference"/>.</summary>
    public int Number { get; private set; }
    public string Reference => FormatReference(Number);

    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public IncidentStatus Status { get; private set; }
    public Impact Impact { get; private set; }
    public Urgency Urgency { get; private set; }
    public Priority Priority { get; private set; }
    public string? PriorityOverrideReason { get; private set; }
    public IncidentSource Source { get; private set; }

    public int? CategoryId { get; private set; }
    public Category? Category { get; private set; }
    public int? ServiceId { get; private set; }
    public BusinessService? Service { get; private set; }
    public int? AssignmentGroupId { get; private set; }
    public Team? AssignmentGroup { get; private set; }
    public string? AssigneeId { get; private set; }
    public ApplicationUser? Assignee { get; private set; }
    public string ReporterId { get; private set; } = "";
    public ApplicationUser? Reporter { get; private set; }
    /// <summary>The agent who logged it on the reporter's behalf; null when the reporter logged it.</summary>
    public string? LoggedById { get; private set; }

    public OnHoldReason? OnHoldReason { get; private set; }
    public ResolutionCode? ResolutionCode { get; private set; }
    public string? ResolutionNotes { get; private set; }
    public string? Workaround { get; private set; }
    public string? CancelReason { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? FirstResponseAt { get; private set; }
    public DateTime? ResolvedAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    /// <summary>When it was cancelled (a terminal status): what reports count as cancelled in a range.</summary>
    public DateTime? CancelledAt { get; private set; }
    public int ReopenCount { get; private set; }

    /// <summary>Bumped by every change; the optimistic-concurrency token.</summary>
    public int Version { get; private set; }

    public List<IncidentActivity> Activities { get; } = [];

    public bool IsOpen => IncidentLifecycle.IsOpen(Status);
    public bool IsPriorityOverridden => PriorityOverrideReason is not null;

    private Incident() { }

    public static string FormatReference(int number) => $"INC-{number:D6}";

    /// <param name="routeTo">The team the incident is queued for straight away (a routing rule's, or the service's support team).</param>
    /// <param name="routeNote">Why it went there, for the timeline; by default: the service's support team.</param>
    public static Incident Report(int number, IncidentDraft draft, string reporterId, ChangeContext by, PriorityMatrix matrix,
        Named<int>? routeTo = null, string? routeNote = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        ArgumentException.ThrowIfNullOrWhiteSpace(reporterId);
        var incident = new Incident
        {
            Number = number,
            Title = RequireTitle(draft.Title),
            Description = RequireDescription(draft.Description),
            ReporterId = reporterId,
            LoggedById = by.ActorId == reporterId ? null : by.ActorId,
            Impact = draft.Impact,
            Urgency = draft.Urgency,
            Priority = matrix.PriorityFor(draft.Impact, draft.Urgency),
            Source = draft.Source,
            ServiceId = draft.ServiceId,
            CategoryId = draft.CategoryId,
            Status = IncidentStatus.New,
            CreatedAt = by.At,
            UpdatedAt = by.At,
            Version = 1,
        };
        incident.Activities.Add(IncidentActivity.Created(by, incident.LoggedById is null
            ? $"Reported through the {draft.Source.ToString().ToLowerInvariant()}"
            : $"Logged by an agent on the reporter's behalf ({draft.Source})"));
        if (routeTo is not null)
        {
            // Routed, not assigned: it waits in the team's queue, still New, until someone takes it. The portal routed
            // it, not the reporter, so the timeline says System.
            incident.AssignmentGroupId = routeTo.Id;
            incident.Activities.Add(IncidentActivity.Change(by with { ActorId = null, ActorIsAgent = false }, "Team", null, routeTo.Name, isPublic: false,
                routeNote ?? "Routed to the team that supports the service"));
        }
        foreach (var activity in incident.Activities) activity.IncidentVersion = 1;
        return incident;
    }

    internal static string RequireDescription(string? description)
    {
        var trimmed = (description ?? "").Trim();
        if (trimmed.Length > MaxTextLength) throw new IncidentRuleException($"The description can be at most {MaxTextLength} characters.");
        return trimmed;
    }

    internal static string RequireTitle(string? title)
    {
        var trimmed = (title ?? "").Trim();
        if (trimmed.Length == 0) throw new IncidentRuleException("The title is required.");
        if (trimmed.Length > MaxTitleLength) throw new IncidentRuleException($"The title can be at most {MaxTitleLength} characters.");
        return trimmed;
    }

    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 8000;
    /// <summary>Resolution notes and workaround; the notes are also copied into the timeline.</summary>
    public const int MaxResolutionLength = 4000;
    /// <summary>Override and cancel reasons: a sentence, not an essay.</summary>
    public const int MaxReasonLength = 500;
}

/// <summary>What is needed to log an incident.</summary>
public sealed record IncidentDraft(string Title, string? Description, Impact Impact, Urgency Urgency,
    IncidentSource Source, int? ServiceId, int? CategoryId);

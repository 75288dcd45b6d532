using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Catalog;
using IncidentPortal.Features.Teams;

namespace IncidentPortal.Features.Incidents;

/// <summary>A disruption to a service, from first report to closure.</summary>
public class Incident
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

    public DateTime CreatedAt { get; private set; }
    public DateTime? ResolvedAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }

    private Incident() { }

    public static string FormatReference(int number) => $"INC-{number:D6}";

    public static Incident Report(int number, string title, string description, string reporterId,
        Impact impact, Urgency urgency, IncidentSource source, DateTime now,
        int? serviceId = null, int? categoryId = null, PriorityMatrix? matrix = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(reporterId);
        return new Incident
        {
            Number = number,
            Title = title.Trim(),
            Description = description.Trim(),
            ReporterId = reporterId,
            Impact = impact,
            Urgency = urgency,
            Priority = (matrix ?? PriorityMatrix.ItilDefault).PriorityFor(impact, urgency),
            Source = source,
            ServiceId = serviceId,
            CategoryId = categoryId,
            Status = IncidentStatus.New,
            CreatedAt = now,
        };
    }

    public void Assign(int teamId, string? assigneeId)
    {
        EnsureOpen();
        AssignmentGroupId = teamId;
        AssigneeId = assigneeId;
        if (Status == IncidentStatus.New) Status = IncidentStatus.Assigned;
    }

    public void StartWork()
    {
        if (Status is not (IncidentStatus.Assigned or IncidentStatus.OnHold))
            throw new InvalidOperationException($"Cannot start work on an incident that is {Status}.");
        Status = IncidentStatus.InProgress;
    }

    public void PutOnHold()
    {
        if (Status != IncidentStatus.InProgress)
            throw new InvalidOperationException($"Cannot put an incident on hold that is {Status}.");
        Status = IncidentStatus.OnHold;
    }

    public void Resolve(DateTime now)
    {
        if (Status is not (IncidentStatus.InProgress or IncidentStatus.Assigned or IncidentStatus.OnHold))
            throw new InvalidOperationException($"Cannot resolve an incident that is {Status}.");
        Status = IncidentStatus.Resolved;
        ResolvedAt = now;
    }

    public void Close(DateTime now)
    {
        if (Status != IncidentStatus.Resolved)
            throw new InvalidOperationException($"Only a resolved incident can be closed; this one is {Status}.");
        Status = IncidentStatus.Closed;
        ClosedAt = now;
    }

    public void Cancel()
    {
        EnsureOpen();
        Status = IncidentStatus.Cancelled;
    }

    private void EnsureOpen()
    {
        if (Status is IncidentStatus.Resolved or IncidentStatus.Closed or IncidentStatus.Cancelled)
            throw new InvalidOperationException($"The incident is {Status}.");
    }
}

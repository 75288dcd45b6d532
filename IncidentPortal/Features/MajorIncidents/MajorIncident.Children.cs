namespace IncidentPortal.Features.MajorIncidents;

public partial class MajorIncident
{
    public List<LinkedIncident> Children { get; } = [];

    /// <summary>Links an incident caused by this major incident (a child); it follows the parent's resolution.</summary>
    public bool Link(ResponseActor by, int incidentId, string reference)
    {
        Require(IsActive, "Incidents are linked while the response is running.");
        Require(incidentId != IncidentId, "A major incident cannot be its own child.");
        if (Children.Any(c => c.IncidentId == incidentId)) return false;
        Children.Add(new LinkedIncident(incidentId, by.UserId, by.At));
        Write(by, LogEntryKind.Lifecycle, $"Linked {reference}");
        return true;
    }

    public void Unlink(ResponseActor by, int incidentId, string reference)
    {
        var child = Children.FirstOrDefault(c => c.IncidentId == incidentId)
            ?? throw new MajorIncidentRuleException($"{reference} is not linked to this major incident.");
        Children.Remove(child);
        Write(by, LogEntryKind.Lifecycle, $"Unlinked {reference}");
    }

    /// <summary>A child that must stay open when the parent is resolved (it has its own problem), or follow again.</summary>
    public void FollowParentResolution(ResponseActor by, int incidentId, string reference, bool follows)
    {
        var child = Children.FirstOrDefault(c => c.IncidentId == incidentId)
            ?? throw new MajorIncidentRuleException($"{reference} is not linked to this major incident.");
        if (child.FollowsResolution == follows) return;
        child.FollowsResolution = follows;
        Write(by, LogEntryKind.Lifecycle, follows
            ? $"{reference} will be resolved with the major incident"
            : $"{reference} stays open when the major incident is resolved");
    }

    /// <summary>The children that resolving the parent resolves.</summary>
    public IEnumerable<int> ChildrenToResolve => Children.Where(c => c.FollowsResolution).Select(c => c.IncidentId);
}

/// <summary>An incident caused by a major incident.</summary>
public class LinkedIncident
{
    public int MajorIncidentId { get; private set; }
    public int IncidentId { get; private set; }
    public string? LinkedById { get; private set; }
    public DateTime LinkedAt { get; private set; }
    public bool FollowsResolution { get; internal set; } = true;

    private LinkedIncident() { }

    internal LinkedIncident(int incidentId, string linkedById, DateTime at)
    {
        IncidentId = incidentId;
        LinkedById = linkedById;
        LinkedAt = at;
    }
}

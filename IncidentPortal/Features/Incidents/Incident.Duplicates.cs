namespace IncidentPortal.Features.Incidents;

/// <summary>Duplicates: an incident closed because another one already tracks the same problem.</summary>
public partial class Incident
{
    /// <summary>The incident this one duplicates; its reporter follows that one (its public parts) from now on.</summary>
    public int? DuplicateOfId { get; private set; }

    /// <summary>
    /// Closes this incident as a duplicate of <paramref name="original"/> (its reference as the name) and tells the
    /// reporter where to follow it. Staff only; the service checks the original exists, differs and is no duplicate.
    /// </summary>
    public void MarkDuplicate(ChangeContext by, Named<int> original)
    {
        if (!by.ActorIsAgent) throw new IncidentRuleException("Only agents mark duplicates.");
        if (original.Id == Id) throw new IncidentRuleException("An incident cannot be a duplicate of itself.");
        if (!IncidentLifecycle.CanCloseAsDuplicate(Status))
            throw new IncidentRuleException($"The incident is {IncidentText.Label(Status)} and can no longer be marked as a duplicate.");
        Record(by, "Status", Status.ToString(), IncidentStatus.Closed.ToString(), isPublic: true, $"Duplicate of {original.Name}");
        Status = IncidentStatus.Closed;
        DuplicateOfId = original.Id;
        ResolutionCode = Incidents.ResolutionCode.Duplicate;
        ResolutionNotes = $"Duplicate of {original.Name}";
        OnHoldReason = null;
        ResolvedAt ??= by.At;
        ClosedAt = by.At;
        Activities.Add(IncidentActivity.Comment(by, DuplicateNotice(original.Name), isPublic: true));
        Touch(by);
    }

    /// <summary>Undoes a mistaken duplicate: back to work (like a reopen), the reporter told it is tracked here again.</summary>
    public void UnmarkDuplicate(ChangeContext by, string originalReference)
    {
        if (!by.ActorIsAgent) throw new IncidentRuleException("Only agents unmark duplicates.");
        if (DuplicateOfId is null || Status != IncidentStatus.Closed) throw new IncidentRuleException("This incident is not marked as a duplicate.");
        var target = IncidentLifecycle.AfterDuplicateUndone(AssigneeId is not null, AssignmentGroupId is not null);
        Record(by, "Status", Status.ToString(), target.ToString(), isPublic: true, $"Not a duplicate of {originalReference}");
        Status = target;
        DuplicateOfId = null;
        (ResolutionCode, ResolutionNotes, ResolvedAt, ClosedAt) = (null, null, null, null);
        Activities.Add(IncidentActivity.Comment(by, $"Your report is not a duplicate of {originalReference} after all; we are working on it here.", isPublic: true));
        Touch(by);
    }

    public static string DuplicateNotice(string originalReference) =>
        $"Your report is a duplicate of {originalReference}; follow it there.";
}

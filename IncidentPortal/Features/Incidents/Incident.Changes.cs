namespace IncidentPortal.Features.Incidents;

/// <summary>The incident's rules for changing it; each change is recorded in the timeline.</summary>
public partial class Incident
{
    public void Edit(ChangeContext by, string title, string? description, Impact impact, Urgency urgency, PriorityMatrix matrix,
        Named<int>? service, Named<int>? category)
    {
        EnsureOpen();
        title = RequireTitle(title);
        description = RequireDescription(description);
        if (title != Title) Record(by, "Title", Title, title, isPublic: true);
        if (description != Description) Record(by, "Description", null, null, isPublic: true, note: "Description updated");
        if (service?.Id != ServiceId) Record(by, "Service", Service?.Name, service?.Name, isPublic: true);
        if (category?.Id != CategoryId) Record(by, "Category", Category?.FullName, category?.Name, isPublic: false);
        if (impact != Impact) Record(by, "Impact", Impact.ToString(), impact.ToString(), isPublic: false);
        if (urgency != Urgency) Record(by, "Urgency", Urgency.ToString(), urgency.ToString(), isPublic: false);
        (Title, Description, ServiceId, CategoryId, Impact, Urgency) = (title, description, service?.Id, category?.Id, impact, urgency);
        if (!IsPriorityOverridden) SetPriority(by, matrix.PriorityFor(Impact, Urgency), null);
        Touch(by);
    }

    /// <summary>An agent's deliberate priority, which the matrix no longer changes; the reason is mandatory.</summary>
    public void OverridePriority(ChangeContext by, Priority priority, string reason)
    {
        EnsureOpen();
        reason = (reason ?? "").Trim();
        if (reason.Length == 0) throw new IncidentRuleException("Give a reason for overriding the priority.");
        if (reason.Length > MaxReasonLength) throw new IncidentRuleException($"The reason can be at most {MaxReasonLength} characters.");
        PriorityOverrideReason = reason;
        // Recorded even when the value stays: pinning the current priority is a decision the timeline should show.
        Record(by, "Priority", Priority.ToString(), priority.ToString(), isPublic: false, reason);
        Priority = priority;
        Touch(by);
    }

    /// <summary>
    /// Raises the priority to at least <paramref name="atLeast"/> (a routing rule's floor). It becomes an override with
    /// <paramref name="reason"/>, so later impact or urgency edits do not quietly undo it; an agent can remove it.
    /// An agent's own override and a priority already as high are left alone.
    /// </summary>
    public void RaisePriority(ChangeContext by, Priority atLeast, string reason)
    {
        EnsureOpen();
        if (IsPriorityOverridden || Priority <= atLeast) return;
        PriorityOverrideReason = reason;
        Record(by, "Priority", Priority.ToString(), atLeast.ToString(), isPublic: false, reason);
        Priority = atLeast;
        Touch(by);
    }

    /// <summary>Hands the priority back to the impact × urgency matrix.</summary>
    public void ClearPriorityOverride(ChangeContext by, PriorityMatrix matrix)
    {
        EnsureOpen();
        if (!IsPriorityOverridden) return;
        PriorityOverrideReason = null;
        var derived = matrix.PriorityFor(Impact, Urgency);
        Record(by, "Priority", Priority.ToString(), derived.ToString(), isPublic: false, "Override removed");
        Priority = derived;
        Touch(by);
    }

    public void Assign(ChangeContext by, Named<int> team, Named<string>? assignee)
    {
        EnsureOpen();
        if (team.Id != AssignmentGroupId) Record(by, "Team", AssignmentGroup?.Name, team.Name, isPublic: false);
        if (assignee?.Id != AssigneeId) Record(by, "Assignee", Assignee?.Label, assignee?.Name, isPublic: false);
        AssignmentGroupId = team.Id;
        AssigneeId = assignee?.Id;
        if (Status == IncidentStatus.New) MoveTo(by, IncidentStatus.Assigned);
        if (by.ActorIsAgent) FirstResponseAt ??= by.At;
        Touch(by);
    }

    public void StartWork(ChangeContext by)
    {
        if (AssigneeId is null) throw new IncidentRuleException("Assign the incident to someone before starting work.");
        MoveTo(by, IncidentStatus.InProgress);
        OnHoldReason = null;
        Touch(by);
    }

    public void PutOnHold(ChangeContext by, OnHoldReason reason)
    {
        MoveTo(by, IncidentStatus.OnHold, IncidentText.Label(reason));
        OnHoldReason = reason;
        Touch(by);
    }

    public void Resolve(ChangeContext by, ResolutionCode code, string notes, string? workaround)
    {
        // A duplicate without the incident it duplicates links nothing and tells the reporter nothing: see MarkDuplicate.
        if (code == Incidents.ResolutionCode.Duplicate)
            throw new IncidentRuleException("Resolving as a duplicate needs the incident it duplicates: give its reference (e.g. INC-000123).");
        if (string.IsNullOrWhiteSpace(notes)) throw new IncidentRuleException("Resolution notes are required.");
        if (notes.Trim().Length > MaxResolutionLength || (workaround?.Trim().Length ?? 0) > MaxResolutionLength)
            throw new IncidentRuleException($"Resolution notes and workaround can be at most {MaxResolutionLength} characters each.");
        MoveTo(by, IncidentStatus.Resolved, IncidentText.Label(code));
        ResolutionCode = code;
        ResolutionNotes = notes.Trim();
        Workaround = string.IsNullOrWhiteSpace(workaround) ? null : workaround.Trim();
        OnHoldReason = null;
        ResolvedAt = by.At;
        Activities.Add(IncidentActivity.Comment(by, $"Resolved ({IncidentText.Label(code)}): {ResolutionNotes}", isPublic: true));
        Touch(by);
    }

    public void Close(ChangeContext by, string? note = null)
    {
        MoveTo(by, IncidentStatus.Closed, note);
        ClosedAt = by.At;
        Touch(by);
    }

    public void Cancel(ChangeContext by, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new IncidentRuleException("Give a reason for cancelling.");
        if (reason.Trim().Length > MaxReasonLength) throw new IncidentRuleException($"The reason can be at most {MaxReasonLength} characters.");
        MoveTo(by, IncidentStatus.Cancelled, reason.Trim());
        CancelReason = reason.Trim();
        CancelledAt = by.At;
        Touch(by);
    }

    /// <summary>The reporter (or an agent) says the fix did not work. A comment is required.</summary>
    public void Reopen(ChangeContext by, string comment)
    {
        if (string.IsNullOrWhiteSpace(comment)) throw new IncidentRuleException("Say why you are reopening the incident.");
        if (comment.Trim().Length > MaxTextLength) throw new IncidentRuleException($"A comment can be at most {MaxTextLength} characters.");
        var target = AssigneeId is not null ? IncidentStatus.InProgress
            : AssignmentGroupId is not null ? IncidentStatus.Assigned : IncidentStatus.New;
        if (Status != IncidentStatus.Resolved) throw new IncidentRuleException($"Only a resolved incident can be reopened; this one is {IncidentText.Label(Status)}.");
        MoveTo(by, target, "Reopened");
        ReopenCount++;
        ResolvedAt = null;
        ResolutionCode = null;
        Activities.Add(IncidentActivity.Comment(by, comment.Trim(), isPublic: true));
        Touch(by);
    }

    public void AddComment(ChangeContext by, string text, bool isPublic)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0) throw new IncidentRuleException("Write something before posting.");
        if (trimmed.Length > MaxTextLength) throw new IncidentRuleException($"A comment can be at most {MaxTextLength} characters.");
        if (!isPublic && !by.ActorIsAgent) throw new IncidentRuleException("Only agents can write internal work notes.");
        Activities.Add(IncidentActivity.Comment(by, trimmed, isPublic));
        if (isPublic && by.ActorIsAgent) FirstResponseAt ??= by.At;
        Touch(by);
    }

    /// <summary>
    /// Records what the portal did or noticed (an SLA warning, a routing rule, an escalation, a task, an alert) on the
    /// timeline. Allowed on closed incidents too: an alert recovering after closure is still worth knowing.
    /// </summary>
    public void RecordEvent(ChangeContext by, string topic, string text, bool isPublic = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        Activities.Add(IncidentActivity.Event(by, topic.Trim(), text.Trim(), isPublic));
        Touch(by);
    }

    /// <summary>
    /// Adds a line written elsewhere (the war room of a major incident) to the timeline without making a new version
    /// of the incident: it changes nothing an editor of the incident is editing, so it must not make their save stale.
    /// </summary>
    public void Mirror(ChangeContext by, string topic, string text, bool isPublic = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var activity = IncidentActivity.Event(by, topic.Trim(), text.Trim(), isPublic);
        activity.IncidentVersion = Version;
        Activities.Add(activity);
    }

    private void MoveTo(ChangeContext by, IncidentStatus target, string? note = null)
    {
        if (!IncidentLifecycle.CanMove(Status, target))
            throw new IncidentRuleException($"An incident that is {IncidentText.Label(Status)} cannot move to {IncidentText.Label(target)}.");
        Record(by, "Status", Status.ToString(), target.ToString(), isPublic: true, note);
        Status = target;
    }

    private void SetPriority(ChangeContext by, Priority priority, string? reason)
    {
        if (priority == Priority) return;
        Record(by, "Priority", Priority.ToString(), priority.ToString(), isPublic: false, reason);
        Priority = priority;
    }

    private void Record(ChangeContext by, string field, string? oldValue, string? newValue, bool isPublic, string? note = null) =>
        Activities.Add(IncidentActivity.Change(by, field, oldValue, newValue, isPublic, note));

    private void Touch(ChangeContext by)
    {
        UpdatedAt = by.At;
        Version++;
        foreach (var activity in Activities.Where(a => a.IncidentVersion == 0)) activity.IncidentVersion = Version;
    }

    private void EnsureOpen()
    {
        if (!IsOpen) throw new IncidentRuleException($"The incident is {IncidentText.Label(Status)} and can no longer be changed.");
    }
}

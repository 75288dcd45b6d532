using System.ComponentModel.DataAnnotations;

namespace IncidentPortal.Features.Incidents.Pages.Workspace;

public enum StatusAction { StartWork, PutOnHold, Resolve, Close, Cancel, Reopen }

/// <summary>Which status buttons the workspace shows: the legal moves of <see cref="IncidentLifecycle"/>, most likely first.</summary>
public static class StatusActions
{
    public static IReadOnlyList<StatusAction> For(IncidentStatus status)
    {
        var next = IncidentLifecycle.NextFrom(status);
        var actions = new List<StatusAction>();
        if (status == IncidentStatus.Resolved)
        {
            if (next.Contains(IncidentStatus.Closed)) actions.Add(StatusAction.Close);
            if (next.Any(IncidentLifecycle.IsOpen)) actions.Add(StatusAction.Reopen);
            return actions;
        }
        if (next.Contains(IncidentStatus.InProgress) && status != IncidentStatus.InProgress) actions.Add(StatusAction.StartWork);
        if (next.Contains(IncidentStatus.Resolved)) actions.Add(StatusAction.Resolve);
        if (next.Contains(IncidentStatus.OnHold)) actions.Add(StatusAction.PutOnHold);
        if (next.Contains(IncidentStatus.Cancelled)) actions.Add(StatusAction.Cancel);
        return actions;
    }

    public static string Label(StatusAction action, IncidentStatus status) => action switch
    {
        StatusAction.StartWork => status == IncidentStatus.OnHold ? "Resume work" : "Start work",
        StatusAction.PutOnHold => "Put on hold",
        StatusAction.Resolve => "Resolve",
        StatusAction.Close => "Close incident",
        StatusAction.Cancel => "Cancel incident",
        StatusAction.Reopen => "Reopen",
        _ => action.ToString(),
    };

    /// <summary>Actions that need no input run at once; the others open a dialog asking for exactly what they need.</summary>
    public static bool NeedsInput(StatusAction action) => action is not (StatusAction.StartWork or StatusAction.Close);
}

/// <summary>What a status action asks for; only the fields of <see cref="Action"/> are validated.</summary>
public sealed class StatusActionForm(StatusAction action) : IValidatableObject
{
    public StatusAction Action { get; } = action;
    public OnHoldReason? HoldReason { get; set; }
    public ResolutionCode? Code { get; set; }
    public string Notes { get; set; } = "";
    public string Workaround { get; set; } = "";
    /// <summary>With the code Duplicate: the reference of the incident this one duplicates (the notes are then written for the agent).</summary>
    public string DuplicateOf { get; set; } = "";
    public bool IsDuplicate => Action == StatusAction.Resolve && Code == ResolutionCode.Duplicate;
    public string Reason { get; set; } = "";
    public string Comment { get; set; } = "";
    /// <summary>Set once the agent has confirmed resolving despite open tasks (Features/Tasks/OpenTaskCheck).</summary>
    public bool ConfirmOpenTasks { get; set; }
    public bool CancelOpenTasks { get; set; }
    /// <summary>The question the reopen field asks, when the default (an agent's) does not fit (the reporter's).</summary>
    public string? Prompt { get; set; }

    public IncidentCommand ToCommand() => Action switch
    {
        StatusAction.StartWork => new StartWork(),
        StatusAction.PutOnHold => new PutOnHold(HoldReason!.Value),
        StatusAction.Resolve => IsDuplicate
            ? new ResolveIncident(ResolutionCode.Duplicate, "", null, DuplicateOf: DuplicateOf.Trim())
            : new ResolveIncident(Code!.Value, Notes, Workaround, ConfirmOpenTasks, CancelOpenTasks),
        StatusAction.Close => new CloseIncident(),
        StatusAction.Cancel => new CancelIncident(Reason),
        StatusAction.Reopen => new ReopenIncident(Comment),
        _ => throw new ArgumentOutOfRangeException(nameof(Action)),
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        switch (Action)
        {
            case StatusAction.PutOnHold when HoldReason is null:
                yield return new("Choose what the incident is waiting for.", [nameof(HoldReason)]);
                break;
            case StatusAction.Resolve when IsDuplicate:
                if (IncidentService.ParseReference(DuplicateOf) is null)
                    yield return new("Enter the incident this one duplicates, e.g. INC-000123.", [nameof(DuplicateOf)]);
                break;
            case StatusAction.Resolve:
                if (Code is null) yield return new("Choose a resolution code.", [nameof(Code)]);
                if (string.IsNullOrWhiteSpace(Notes)) yield return new("Resolution notes are required.", [nameof(Notes)]);
                else if (Notes.Trim().Length > Incident.MaxResolutionLength) yield return new("Keep the notes under 4000 characters.", [nameof(Notes)]);
                if (Workaround.Trim().Length > Incident.MaxResolutionLength) yield return new("Keep the workaround under 4000 characters.", [nameof(Workaround)]);
                break;
            case StatusAction.Cancel when string.IsNullOrWhiteSpace(Reason):
                yield return new("Give a reason for cancelling.", [nameof(Reason)]);
                break;
            case StatusAction.Cancel when Reason.Trim().Length > Incident.MaxReasonLength:
                yield return new("Keep the reason under 500 characters.", [nameof(Reason)]);
                break;
            case StatusAction.Reopen when string.IsNullOrWhiteSpace(Comment):
                yield return new("Say why you are reopening the incident.", [nameof(Comment)]);
                break;
        }
    }
}

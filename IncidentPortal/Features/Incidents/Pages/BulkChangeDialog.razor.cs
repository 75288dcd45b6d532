using IncidentPortal.Features.Incidents.Bulk;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace IncidentPortal.Features.Incidents.Pages;

/// <summary>Which bulk change the dialog asks for.</summary>
public enum BulkKind { Assign, Priority, Status, Note }

/// <summary>The status moves a bulk action offers: those that need the same answer for every incident.</summary>
public enum BulkStatusMove { StartWork, PutOnHold, Resolve, Cancel }

public sealed partial class BulkChangeDialog
{
    private const string Nobody = "";

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Parameter, EditorRequired] public BulkKind Kind { get; set; }
    /// <summary>"the 3 selected incidents", for the text.</summary>
    [Parameter, EditorRequired] public string What { get; set; } = "";

    private MudForm? form;
    private IncidentChoiceLists? choices;
    private int? teamId;
    private string assigneeId = Nobody;
    private Priority? priority;
    private BulkStatusMove? move;
    private OnHoldReason? holdReason;
    private ResolutionCode? code;
    private string? text;

    /// <summary>Shows the dialog; the command for each incident, or null when cancelled.</summary>
    public static async Task<IncidentCommand?> ShowAsync(IDialogService dialogs, BulkKind kind, string what)
    {
        var parameters = new DialogParameters<BulkChangeDialog> { { d => d.Kind, kind }, { d => d.What, what } };
        var options = new DialogOptions { CloseOnEscapeKey = true, MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false };
        var result = await (await dialogs.ShowAsync<BulkChangeDialog>(Title(kind), parameters, options)).Result;
        return result is { Canceled: false, Data: IncidentCommand command } ? command : null;
    }

    public static string Title(BulkKind kind) => kind switch
    {
        BulkKind.Assign => "Assign the selected incidents",
        BulkKind.Priority => "Change the priority",
        BulkKind.Status => "Change the status",
        _ => "Add a work note",
    };

    /// <summary>The verb of the summary: "Assigned 3 incidents."</summary>
    public static string Done(BulkKind kind) => kind switch
    {
        BulkKind.Assign => "Assigned",
        BulkKind.Priority => "Changed the priority of",
        BulkKind.Status => "Changed the status of",
        _ => "Added the work note to",
    };

    public static string Label(BulkStatusMove move) => move switch
    {
        BulkStatusMove.StartWork => "In progress (start work)",
        BulkStatusMove.PutOnHold => "On hold",
        BulkStatusMove.Resolve => "Resolved",
        _ => "Cancelled",
    };

    protected override async Task OnInitializedAsync()
    {
        if (Kind == BulkKind.Assign) choices = await ChoiceLists.LoadAsync();
    }

    private async Task ApplyAsync()
    {
        if (form is null) return;
        await form.ValidateAsync();
        if (!form.IsValid || Command() is not { } command) return;
        Dialog.Close(DialogResult.Ok(command));
    }

    private IncidentCommand? Command() => Kind switch
    {
        BulkKind.Assign when teamId is { } team => new AssignIncident(team, assigneeId == Nobody ? null : assigneeId),
        BulkKind.Priority when priority is { } p => new OverridePriority(p, text ?? ""),
        BulkKind.Status => move switch
        {
            BulkStatusMove.StartWork => new StartWork(),
            BulkStatusMove.PutOnHold when holdReason is { } reason => new PutOnHold(reason),
            BulkStatusMove.Resolve when code is { } c => new ResolveIncident(c, text ?? "", null),
            BulkStatusMove.Cancel => new CancelIncident(text ?? ""),
            _ => null,
        },
        BulkKind.Note => new AddComment(text ?? "", IsPublic: false),
        _ => null,
    };
}

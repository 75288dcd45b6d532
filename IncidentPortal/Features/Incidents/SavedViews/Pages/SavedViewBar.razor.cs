using IncidentPortal.Features.Accounts;
using IncidentPortal.Infrastructure.Events;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace IncidentPortal.Features.Incidents.SavedViews.Pages;

public sealed partial class SavedViewBar : IDisposable
{
    private static readonly TimeSpan ReloadWait = TimeSpan.FromMilliseconds(300);

    /// <summary>The queue's current view, filters and sort: what Save view saves and Export CSV exports.</summary>
    [Parameter, EditorRequired] public QueueQuery Query { get; set; } = default!;
    [Parameter, EditorRequired] public Actor Actor { get; set; } = default!;
    /// <summary>Off for a drill-down from Reports: a figure's list is reached from the report, not saved as a view.</summary>
    [Parameter] public bool CanSave { get; set; } = true;

    [Inject] private SavedViewService Views { get; set; } = default!;
    [Inject] private IEventBus Events { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    private IReadOnlyList<SavedViewRow> views = [];
    private IReadOnlyList<SavedViewRow> pinned = [];
    private IReadOnlyDictionary<int, int> counts = new Dictionary<int, int>();
    private string currentQuery = "";
    private IDisposable? subscription;
    private ReloadThrottle? throttle;

    private string ExportUrl => "queue/export.csv" + (currentQuery.Length == 0 ? "" : "?" + currentQuery);

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        if (!RendererInfo.IsInteractive) return;
        // The counts follow every incident change, like the queue's own tabs.
        throttle = new ReloadThrottle(ReloadWait, () => InvokeAsync(RecountAsync));
        // Without pinned tabs there is nothing to count: no query and no render for every change on the queue.
        subscription = Events.Subscribe<IncidentEvent>(_ =>
        {
            if (pinned.Count > 0) throttle?.Request();
            return Task.CompletedTask;
        });
    }

    protected override void OnParametersSet() => currentQuery = SavedViewQuery.Format(Query);

    private async Task LoadAsync()
    {
        views = await Views.ListAsync(Actor);
        pinned = [.. views.Where(v => v.IsPinned)];
        await RecountAsync();
    }

    private async Task RecountAsync()
    {
        counts = await Views.CountsAsync(Actor, pinned);
        StateHasChanged();
    }

    private async Task SaveAsync()
    {
        if (await SaveViewDialog.ShowAsync(Dialogs, Actor, Query) is not null) await LoadAsync();
    }

    private async Task ManageAsync()
    {
        await ManageViewsDialog.ShowAsync(Dialogs, Actor);
        await LoadAsync();
    }

    public void Dispose()
    {
        subscription?.Dispose();
        throttle?.Dispose();
    }
}

using IncidentPortal.Features.Sla;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace IncidentPortal.Features.Incidents.Pages;

public sealed partial class QueueTable : IDisposable
{
    /// <summary>What to show: view, filters, sort and page (from the address).</summary>
    [Parameter, EditorRequired] public QueueQuery Query { get; set; } = default!;
    /// <summary>Loads one page (QueueService.GetAsync for the signed-in agent).</summary>
    [Parameter, EditorRequired] public Func<QueueQuery, CancellationToken, Task<QueuePage>> Load { get; set; } = default!;
    [Parameter, EditorRequired] public string CurrentUserId { get; set; } = "";
    [Parameter] public bool Dense { get; set; }
    /// <summary>Each page loaded (the view counts come with it).</summary>
    [Parameter] public EventCallback<QueuePage> OnLoaded { get; set; }
    /// <summary>The pager moved: the query with the page now shown, for the address.</summary>
    [Parameter] public EventCallback<QueueQuery> OnPaged { get; set; }
    [Parameter] public EventCallback<QueueSort> OnSort { get; set; }
    [Parameter] public EventCallback<IncidentRow> OnAssignToMe { get; set; }
    [Parameter] public Func<int, bool> IsHighlighted { get; set; } = _ => false;
    [Parameter] public Func<int, bool> IsAssigning { get; set; } = _ => false;
    /// <summary>Row selection for bulk actions: a box per row and one for the page; none without it.</summary>
    [Parameter] public QueueSelection? Selection { get; set; }
    /// <summary>Shown instead of rows when the loaded page is empty.</summary>
    [Parameter] public RenderFragment? NoRecordsContent { get; set; }

    [Inject] private TimeProvider Clock { get; set; } = default!;

    private MudTable<IncidentRow>? table;
    /// <summary>One "now" per render for every row's ages and SLA times.</summary>
    private DateTime now;
    private QueuePage? page;
    private QueueQuery? seen;
    private QueueQuery? shown;
    /// <summary>The query of the rows on screen: the headers say how those are sorted, not how the next page will be.</summary>
    private QueueQuery? displayed;
    private QueueSelection? subscribed;
    private int requests;
    private bool holding;
    private bool reload;

    /// <summary>Loads the current query again (someone changed an incident).</summary>
    public Task ReloadAsync() => table?.ReloadServerData() ?? Task.CompletedTask;

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(subscribed, Selection))
        {
            if (subscribed is not null) subscribed.Changed -= OnSelectionChanged;
            subscribed = Selection;
            if (subscribed is not null) subscribed.Changed += OnSelectionChanged;
        }
        if (Query == seen) return;
        seen = Query;
        // A new view, filter or sort, or an address typed in; not the page the pager itself just loaded.
        if (shown is not null && Query != shown) reload = true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // After the render that handed the table its new page and page size. A new page number loads by itself
        // (MudTable's CurrentPage); anything else (a filter on the same page) is loaded here.
        if (!reload || table is null) return;
        reload = false;
        if (shown != Query) await table.ReloadServerData();
    }

    private async Task<TableData<IncidentRow>> ServerDataAsync(TableState state, CancellationToken ct)
    {
        var requested = Query with { Skip = state.Page * state.PageSize, Take = state.PageSize };
        var request = ++requests;
        shown = requested;
        QueuePage loaded;
        try
        {
            loaded = await Load(requested, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return Current(); // a newer load replaced this one
        }
        // Loads overlap (live updates, clicks): the table shows whichever returns last, so an older one must not
        // overwrite a newer page, nor move the address back.
        if (request != requests) return Current();
        // The service moves back to the last page when the list shrank below the one asked for.
        shown = requested with { Skip = loaded.Skip };
        page = loaded;
        displayed = shown;
        Selection?.ShowPage(loaded, shown);
        // The page re-renders for the counts and the address before the table has these rows: hold this table
        // until it draws them, so headers and rows never disagree about the sort.
        holding = true;
        try
        {
            await OnLoaded.InvokeAsync(loaded);
            if (shown != Query) await OnPaged.InvokeAsync(shown);
        }
        finally
        {
            holding = false;
        }
        return Current();
    }

    protected override bool ShouldRender() => !holding;

    private TableData<IncidentRow> Current() => new() { Items = page?.Rows ?? [], TotalItems = page?.Total ?? 0 };

    /// <summary>The table's accessible name: the view it shows.</summary>
    private Dictionary<string, object> TableName => new() { ["aria-label"] = Query.IsDrillDown ? "Incidents from Reports" : $"{QueueViews.Label(Query.View)} incidents" };

    private SlaDue? Due(int incidentId) => page?.Due?.GetValueOrDefault(incidentId);

    private string RowClass(IncidentRow row, int index) => IsHighlighted(row.Id) ? "queue-row queue-row-changed" : "queue-row";

    private QueueQuery Sorted => displayed ?? Query;

    private string? AriaSort(QueueSort sort) => Sorted.Sort != sort ? null : Sorted.Descending ? "descending" : "ascending";

    private static string SortIcon(bool sorted, bool descending) =>
        !sorted ? Icons.Material.Filled.UnfoldMore : descending ? Icons.Material.Filled.ArrowDownward : Icons.Material.Filled.ArrowUpward;

    /// <summary>The action bar cleared or changed the selection: the boxes follow.</summary>
    private void OnSelectionChanged() => _ = InvokeAsync(StateHasChanged);

    public void Dispose()
    {
        if (subscribed is not null) subscribed.Changed -= OnSelectionChanged;
    }
}

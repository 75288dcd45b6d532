using Microsoft.AspNetCore.Components;

namespace IncidentPortal.Features.Incidents.Pages;

public sealed partial class QueueFilterBar
{
    private static readonly TimeSpan TypingPause = TimeSpan.FromMilliseconds(350);

    public static readonly (QueueSort Sort, bool Descending, string Label)[] SortChoices =
    [
        (QueueSort.Priority, false, "Priority, highest first"),
        (QueueSort.Priority, true, "Priority, lowest first"),
        (QueueSort.TimeToBreach, false, "Time to breach, soonest first"),
        (QueueSort.Updated, true, "Updated, latest first"),
        (QueueSort.Updated, false, "Updated, longest ago first"),
        (QueueSort.Created, true, "Opened, newest first"),
        (QueueSort.Created, false, "Opened, oldest first"),
        (QueueSort.Reference, true, "Reference, highest first"),
        (QueueSort.Reference, false, "Reference, lowest first"),
    ];

    [Parameter, EditorRequired] public QueueQuery Query { get; set; } = default!;
    [Parameter, EditorRequired] public QueueFilterOptions Options { get; set; } = default!;
    [Parameter] public EventCallback<QueueQuery> OnChange { get; set; }

    private string searchText = "";
    private bool showFiltersOnPhone;
    private string? lastSearch;
    private CancellationTokenSource? typing;

    protected override void OnParametersSet()
    {
        // Take the search from the address unless the agent is typing a newer one.
        if (Query.Search != lastSearch && typing is null) searchText = Query.Search ?? "";
        lastSearch = Query.Search;
    }

    private async Task OnSearchInput(ChangeEventArgs e)
    {
        searchText = e.Value?.ToString() ?? "";
        typing?.Cancel();
        var mine = typing = new CancellationTokenSource();
        try
        {
            await Task.Delay(TypingPause, mine.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        await SearchNowAsync();
    }

    private async Task SearchNowAsync()
    {
        typing?.Cancel();
        typing = null;
        var search = string.IsNullOrWhiteSpace(searchText) ? null : searchText.Trim();
        if (search != Query.Search) await Change(Query with { Search = search });
    }

    /// <summary>Filters set besides the search box, counted for the phone's collapsed filter button.</summary>
    private int ActiveFilters => new object?[] { Query.Status, Query.Priority, Query.TeamId, Query.ServiceId, Query.CategoryId }.Count(f => f is not null);

    private Task Change(QueueQuery next) => OnChange.InvokeAsync(next);

    private Task ChangeSort(ChangeEventArgs e)
    {
        var choice = SortChoices.FirstOrDefault(c => SortValue(c.Sort, c.Descending) == e.Value?.ToString());
        return choice.Label is null ? Task.CompletedTask : Change(Query with { Sort = choice.Sort, Descending = choice.Descending });
    }

    private Task ClearAsync()
    {
        typing?.Cancel();
        typing = null;
        searchText = "";
        return Change(new QueueQuery { View = Query.View, Sort = Query.Sort, Descending = Query.Descending, Take = Query.Take });
    }

    private static string SortValue(QueueSort sort, bool descending) => $"{sort}-{(descending ? "desc" : "asc")}".ToLowerInvariant();

    private static T? Parse<T>(ChangeEventArgs e) where T : struct, Enum => Enum.TryParse<T>(e.Value?.ToString(), out var value) ? value : null;

    private static int? ParseId(ChangeEventArgs e) => int.TryParse(e.Value?.ToString(), out var id) && id > 0 ? id : null;

    public void Dispose() => typing?.Cancel();
}

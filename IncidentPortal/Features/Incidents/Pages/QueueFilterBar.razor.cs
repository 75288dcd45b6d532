using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace IncidentPortal.Features.Incidents.Pages;

public sealed partial class QueueFilterBar
{
    public static readonly TimeSpan TypingPause = TimeSpan.FromMilliseconds(350);
    private const string AnyTeam = "Any team";
    private const string AnyService = "Any service";
    private const string AnyCategory = "Any category";

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

    private static readonly (string, string)[] SortOptions = SortChoices.Select(c => (SortValue(c.Sort, c.Descending), c.Label)).ToArray();
    private static readonly (string, string)[] StatusOptions =
        [("", "Any open status"), .. IncidentLifecycle.OpenStatuses.Select(s => (s.ToString(), IncidentText.Label(s)))];
    private static readonly (string, string)[] PriorityOptions =
        [("", "Any priority"), .. Enum.GetValues<Priority>().Select(p => (p.ToString(), p.ToString()))];

    /// <summary>The fold-away fields, for the phone's toggle button (aria-controls).</summary>
    private const string FoldIds = "queue-sort queue-status queue-priority queue-team queue-service queue-category";

    [Parameter, EditorRequired] public QueueQuery Query { get; set; } = default!;
    [Parameter, EditorRequired] public QueueFilterOptions Options { get; set; } = default!;
    [Parameter] public EventCallback<QueueQuery> OnChange { get; set; }

    private string searchText = "";
    private bool showFiltersOnPhone;
    private string? lastSearch;

    /// <summary>On a phone the drop-downs show only when unfolded; from 600 px up always.</summary>
    private string Fold => showFiltersOnPhone ? "" : "d-none d-sm-block";

    protected override void OnParametersSet()
    {
        // A search from the address (a bookmark, Back, Clear filters) replaces what the box holds.
        if (Query.Search != lastSearch) searchText = Query.Search ?? "";
        lastSearch = Query.Search;
    }

    /// <summary>The text field hands its text over once typing pauses (DebounceInterval), then this searches.</summary>
    private void OnSearchTyped(string? text) => searchText = text ?? "";

    private async Task SearchNowAsync()
    {
        var search = string.IsNullOrWhiteSpace(searchText) ? null : searchText.Trim();
        if (search != Query.Search) await Change(Query with { Search = search });
    }

    /// <summary>Filters set besides the search box, counted for the phone's folded filter button.</summary>
    private int ActiveFilters => new object?[] { Query.Status, Query.Priority, Query.TeamId, Query.ServiceId, Query.CategoryId }.Count(f => f is not null);

    private Task Change(QueueQuery next) => OnChange.InvokeAsync(next);

    private Task ChangeSort(string value)
    {
        var choice = SortChoices.FirstOrDefault(c => SortValue(c.Sort, c.Descending) == value);
        return choice.Label is null ? Task.CompletedTask : Change(Query with { Sort = choice.Sort, Descending = choice.Descending });
    }

    private Task ClearAsync()
    {
        searchText = "";
        return Change(new QueueQuery { View = Query.View, Sort = Query.Sort, Descending = Query.Descending, Take = Query.Take, Report = Query.Report, Slice = Query.Slice });
    }

    private static IReadOnlyList<(string, string)> Choices(IReadOnlyList<QueueOption> options, string any) =>
        [("", any), .. options.Select(o => (o.Id.ToString(CultureInfo.InvariantCulture), o.Name))];

    private static string SortValue(QueueSort sort, bool descending) => $"{sort}-{(descending ? "desc" : "asc")}".ToLowerInvariant();

    private static string Text<T>(T? value) where T : struct => value is { } v ? Convert.ToString(v, CultureInfo.InvariantCulture)! : "";

    private static T? Parse<T>(string value) where T : struct, Enum => Enum.TryParse<T>(value, out var parsed) ? parsed : null;

    private static int? ParseId(string value) => int.TryParse(value, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
}

using IncidentPortal.Features.Incidents.Bulk;

namespace IncidentPortal.Features.Incidents.Pages;

public sealed partial class QueueSelection
{
    private Dictionary<int, int> versions = [];

    /// <summary>Every incident the query matches is selected, not only the rows on the page.</summary>
    public bool AllMatching { get; private set; }
    /// <summary>The view, filters and sort of the rows shown (any page): what "all matching" means.</summary>
    public QueueQuery? Query { get; private set; }
    /// <summary>How many incidents that query matches.</summary>
    public int MatchingTotal { get; private set; }
    /// <summary>Every row of the page is ticked and more match than the page shows.</summary>
    public bool CanSelectAllMatching => !AllMatching && AllOnPage && MatchingTotal > rows.Count;

    /// <summary>A page was loaded for <paramref name="query"/>: its rows, their versions and the matching total.</summary>
    public void ShowPage(QueuePage page, QueueQuery query)
    {
        versions = page.Rows.ToDictionary(r => r.Id, r => r.Version);
        MatchingTotal = page.Total;
        var matching = query with { Skip = 0, Take = QueueQuery.DefaultPageSize };
        var changedQuery = Query is not null && Query != matching;
        Query = matching;
        if (AllMatching && changedQuery)
        {
            AllMatching = false;
            Changed?.Invoke();
        }
        ShowRows(page.Rows.Select(r => r.Id));
    }

    public void SelectAllMatching()
    {
        if (!CanSelectAllMatching) return;
        AllMatching = true;
        Changed?.Invoke();
    }

    /// <summary>The ticked rows with the version each showed, so a bulk change refuses to overwrite a newer one.</summary>
    public IReadOnlyList<BulkTarget> PageTargets => [.. Ids.Select(id => new BulkTarget(id, versions.TryGetValue(id, out var v) ? v : null))];

    /// <summary>After a bulk action: only the incidents it could not change stay ticked, so the agent can retry or open them.</summary>
    public void KeepOnly(IEnumerable<int> ids)
    {
        AllMatching = false;
        selected.IntersectWith(ids);
        anchor = null;
        Changed?.Invoke();
    }
}

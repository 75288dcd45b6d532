namespace IncidentPortal.Features.Incidents;

/// <summary>
/// The queue's saved views, each a fixed slice of the open incidents (see <see cref="QueueViews"/>).
/// Stored by name in URLs, so a new view (Breaching soon, once SLAs exist) is added at the end.
/// </summary>
public enum QueueView { MyWork, MyTeams, Unassigned, AllOpen, BreachingSoon }

/// <summary>Sort keys the queue's indexes can serve; Priority means priority, then age (oldest first).</summary>
public enum QueueSort { Priority, Updated, Created, Reference, TimeToBreach }

/// <summary>What an agent asks the queue for: a view, optional filters, a sort and a page.</summary>
public sealed record QueueQuery
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;
    public const int MaxSearchLength = 200;

    public QueueView View { get; init; } = QueueView.AllOpen;
    /// <summary>One of the open statuses; a closed status gives an empty page (the queue is open work).</summary>
    public IncidentStatus? Status { get; init; }
    public Priority? Priority { get; init; }
    public int? TeamId { get; init; }
    public int? ServiceId { get; init; }
    /// <summary>A parent category also matches its subcategories.</summary>
    public int? CategoryId { get; init; }
    /// <summary>Words that must all appear in the title or description; or a reference ("INC-000123", "123").</summary>
    public string? Search { get; init; }
    public QueueSort Sort { get; init; } = QueueSort.Priority;
    public bool Descending { get; init; }
    /// <summary>With <see cref="Slice"/>: a drill-down from Reports. The report's filter as its query string
    /// (Features/Reports/ReportUrl); the list is then exactly the incidents that figure counted, open and closed,
    /// and <see cref="View"/> does not apply.</summary>
    public string? Report { get; init; }
    /// <summary>What the figure counted (Features/Reports/ReportSlice, "resolved~2026-W49").</summary>
    public string? Slice { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = DefaultPageSize;

    public bool IsDrillDown => Slice is not null;

    public bool HasFilters => Status is not null || Priority is not null || TeamId is not null || ServiceId is not null
        || CategoryId is not null || !string.IsNullOrWhiteSpace(Search);
}

/// <param name="Skip">Where the page starts: the requested skip, moved back to the last page when the list shrank below it.</param>
/// <param name="ViewCounts">Open incidents in each view, without the filters: what the view tabs show.</param>
/// <param name="Due">Per row, its soonest SLA due time (Features/Sla), for the time-to-breach column.</param>
public sealed record QueuePage(IReadOnlyList<IncidentRow> Rows, int Total, int Skip, IReadOnlyDictionary<QueueView, int> ViewCounts,
    IReadOnlyDictionary<int, Sla.SlaDue>? Due = null);

/// <summary>Choices for the queue's filter bar.</summary>
public sealed record QueueFilterOptions(IReadOnlyList<QueueOption> Teams, IReadOnlyList<QueueOption> Services,
    IReadOnlyList<QueueOption> Categories, IReadOnlyList<int> MyTeamIds);

/// <param name="Name">For a subcategory, "Parent › Child".</param>
public sealed record QueueOption(int Id, string Name);

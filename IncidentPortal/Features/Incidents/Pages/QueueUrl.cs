using System.Globalization;

namespace IncidentPortal.Features.Incidents.Pages;

/// <summary>
/// The queue's state in its address (/queue?view=my-teams&amp;priority=P2&amp;q=vpn&amp;page=2), so a view can be bookmarked,
/// shared and reloaded. Unknown or malformed values are ignored rather than refused.
/// </summary>
public static class QueueUrl
{
    public static readonly int[] PageSizes = [25, 50, 100];

    /// <summary>A report filter's query string is a handful of short keys; anything longer is not one.</summary>
    public const int MaxReportLength = 500;

    public static string For(QueueQuery query)
    {
        var parts = new List<string>();
        void Add(string name, object? value)
        {
            if (value is not null) parts.Add($"{name}={Uri.EscapeDataString(Convert.ToString(value, CultureInfo.InvariantCulture)!)}");
        }
        Add("view", query.View == QueueView.AllOpen ? null : QueueViews.Slug(query.View));
        Add("status", query.Status);
        Add("priority", query.Priority);
        Add("team", query.TeamId);
        Add("service", query.ServiceId);
        Add("category", query.CategoryId);
        Add("q", string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim());
        Add("sort", query.Sort == QueueSort.Priority ? null : query.Sort.ToString().ToLowerInvariant());
        Add("dir", query.Descending == DefaultDescending(query.Sort) ? null : query.Descending ? "desc" : "asc");
        Add("page", query.Skip >= query.Take ? query.Skip / query.Take + 1 : null);
        Add("size", query.Take == QueueQuery.DefaultPageSize ? null : query.Take);
        Add("report", query.Slice is null ? null : query.Report ?? "");
        Add("slice", query.Slice);
        return parts.Count == 0 ? "queue" : "queue?" + string.Join("&", parts);
    }

    public static QueueQuery Parse(string? view, string? status, string? priority, int? team, int? service, int? category,
        string? search, string? sort, string? direction, int? page, int? size, string? report = null, string? slice = null)
    {
        var drill = Reports.ReportSlice.TryParse(slice, out var parsedSlice) && (report?.Length ?? 0) <= MaxReportLength ? parsedSlice : null;
        var take = size is { } s && PageSizes.Contains(s) ? s : QueueQuery.DefaultPageSize;
        var sortBy = Enum.TryParse<QueueSort>(sort, ignoreCase: true, out var parsedSort) && Enum.IsDefined(parsedSort) ? parsedSort : QueueSort.Priority;
        return new QueueQuery
        {
            View = QueueViews.FromSlug(view) ?? QueueView.AllOpen,
            Status = ParseEnum<IncidentStatus>(status) is { } st && IncidentLifecycle.IsOpen(st) ? st : null,
            Priority = ParseEnum<Priority>(priority),
            TeamId = team > 0 ? team : null,
            ServiceId = service > 0 ? service : null,
            CategoryId = category > 0 ? category : null,
            Search = string.IsNullOrWhiteSpace(search) ? null : search.Trim()[..Math.Min(search.Trim().Length, QueueQuery.MaxSearchLength)],
            Sort = sortBy,
            Descending = direction switch { "desc" => true, "asc" => false, _ => DefaultDescending(sortBy) },
            Take = take,
            Slice = drill?.Format(),
            Report = drill is null ? null : report?.Trim() ?? "",
            Skip = page is > 1 and < 1_000_000 ? (page.Value - 1) * take : 0,
        };
    }

    /// <summary>Priority reads best highest first (ascending P1…P5); times and references newest first.</summary>
    public static bool DefaultDescending(QueueSort sort) => sort is not (QueueSort.Priority or QueueSort.TimeToBreach);

    private static T? ParseEnum<T>(string? value) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? parsed : null;
}

using IncidentPortal.Features.Incidents.Pages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace IncidentPortal.Features.Incidents.SavedViews;

/// <summary>A queue query as the query part of its address and back: how saved views and the CSV export carry it.</summary>
public static class SavedViewQuery
{
    /// <summary>"view=my-teams&amp;priority=P2" (no page: a view opens on its first page); "" for the default queue.</summary>
    public static string Format(QueueQuery query)
    {
        var url = QueueUrl.For(query with { Skip = 0 });
        var at = url.IndexOf('?', StringComparison.Ordinal);
        return at < 0 ? "" : url[(at + 1)..];
    }

    public static QueueQuery Parse(string? query) => Parse(QueryHelpers.ParseQuery(query ?? ""));

    public static QueueQuery Parse(IEnumerable<KeyValuePair<string, StringValues>> values)
    {
        var all = values.ToDictionary(v => v.Key, v => v.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        string? Text(string name) => all.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
        int? Number(string name) => int.TryParse(Text(name), out var n) ? n : null;
        return QueueUrl.Parse(Text("view"), Text("status"), Text("priority"), Number("team"), Number("service"), Number("category"),
            Text("q"), Text("sort"), Text("dir"), null, Number("size"), Text("report"), Text("slice"));
    }

    /// <summary>The queue's address for a saved query.</summary>
    public static string Url(string query) => query.Length == 0 ? "queue" : "queue?" + query;
}

using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Incidents;

/// <summary>
/// The queue's search box. "INC-000123" finds that incident; a bare number ("123") finds incident 123 and any
/// text containing it; words must all appear, each in the title or the description, ignoring case.
/// Matching is a substring scan (LIKE on SQLite, ILIKE on PostgreSQL) over the open incidents the view and filters
/// leave, which the status indexes narrow first; the benchmark shows this stays well inside its budget at 100,000
/// incidents, so a full-text index (with its triggers and provider-specific schema) is not worth it yet.
/// </summary>
public static partial class QueueSearch
{
    private const int MaxWords = 8;

    public static IQueryable<Incident> Apply(IQueryable<Incident> incidents, string? search, bool caseSensitiveLike)
    {
        var text = (search ?? "").Trim();
        if (text.Length == 0) return incidents;
        if (text.Length > QueueQuery.MaxSearchLength) text = text[..QueueQuery.MaxSearchLength];

        if (ReferenceNumber(text) is { } referenced) return incidents.Where(i => i.Number == referenced);

        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Distinct().Take(MaxWords).ToList();
        int? number = words.Count == 1 && int.TryParse(words[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
        foreach (var word in words)
        {
            var pattern = $"%{EscapeLike(word)}%";
            incidents = (caseSensitiveLike, number) switch
            {
                (false, null) => incidents.Where(i => EF.Functions.Like(i.Title, pattern, Escape) || EF.Functions.Like(i.Description, pattern, Escape)),
                (false, { } num) => incidents.Where(i => i.Number == num
                    || EF.Functions.Like(i.Title, pattern, Escape) || EF.Functions.Like(i.Description, pattern, Escape)),
                // PostgreSQL's LIKE respects case; ILIKE is its case-insensitive twin.
                (true, null) => incidents.Where(i => EF.Functions.ILike(i.Title, pattern, Escape) || EF.Functions.ILike(i.Description, pattern, Escape)),
                (true, { } num) => incidents.Where(i => i.Number == num
                    || EF.Functions.ILike(i.Title, pattern, Escape) || EF.Functions.ILike(i.Description, pattern, Escape)),
            };
        }
        return incidents;
    }

    /// <summary>Whether the search compares text (rather than finding one incident by its reference).</summary>
    public static bool ScansText(string? search) => !string.IsNullOrWhiteSpace(search) && ReferenceNumber(search) is null;

    /// <summary>The number in "INC-000123", "inc 123" or "#123"; null for anything else (a bare number is also text).</summary>
    public static int? ReferenceNumber(string text)
    {
        var match = ReferencePattern().Match(text.Trim());
        return match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
    }

    private const string Escape = "\\";

    private static string EscapeLike(string word) =>
        word.Replace(Escape, Escape + Escape).Replace("%", Escape + "%").Replace("_", Escape + "_");

    [GeneratedRegex(@"^(?:INC[-\s]?|#)0*(\d{1,9})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReferencePattern();
}

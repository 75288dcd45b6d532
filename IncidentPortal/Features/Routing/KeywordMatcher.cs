using System.Text.RegularExpressions;

namespace IncidentPortal.Features.Routing;

/// <summary>
/// Keywords match whole words, ignoring case: "VPN" matches "vpn down" and "(VPN)" but not "vpnclient".
/// A keyword may be a phrase ("checkout error"); any run of spaces in it matches any run of whitespace.
/// </summary>
public static class KeywordMatcher
{
    public const int MaxKeywords = 30;
    public const int MaxKeywordLength = 60;

    /// <summary>Splits the admin's text at commas and line breaks; trims, drops empties and repeats (ignoring case).</summary>
    public static List<string> Parse(string? text) =>
        (text ?? "").Split([',', '\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(k => Regex.Replace(k, @"\s+", " "))
            .Where(k => k.Length > 0)
            .DistinctBy(k => k.ToLowerInvariant())
            .ToList();

    public static bool AnyIn(IEnumerable<string> keywords, string title, string? description) =>
        keywords.Any(k => IsIn(k, title) || (description is not null && IsIn(k, description)));

    /// <summary>The static Regex methods cache the compiled patterns, and rules have few keywords.</summary>
    public static bool IsIn(string keyword, string text) =>
        Regex.IsMatch(text, Pattern(keyword), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));

    // Word characters are letters, digits and underscores: a keyword must not be glued to one on either side.
    private static string Pattern(string keyword) =>
        @"(?<![\p{L}\p{N}_])" + string.Join(@"\s+", keyword.Split(' ').Select(Regex.Escape)) + @"(?![\p{L}\p{N}_])";
}

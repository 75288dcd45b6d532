using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace IncidentPortal.Tests.Support;

/// <summary>Parses HTML responses with AngleSharp.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>The text of the page's first h1, whitespace-trimmed, or null when there is none.</summary>
    public static string? Heading(this IDocument document) => document.QuerySelector("h1")?.TextContent.Trim();

    /// <summary>
    /// The validation messages shown in the form field (div.field) of the input named <paramref name="inputName"/>;
    /// the app renders Blazor's ValidationMessage with class "field-error".
    /// </summary>
    public static IReadOnlyList<string> FieldMessages(this IDocument document, string inputName)
    {
        var field = document.QuerySelector($"input[name='{inputName}']")?.Closest(".field")
            ?? throw new InvalidOperationException($"No field with an input named {inputName} on the page.");
        return field.QuerySelectorAll(".field-error").Select(e => e.TextContent.Trim()).ToList();
    }
}

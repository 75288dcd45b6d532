using IncidentPortal.Infrastructure.Web;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace IncidentPortal.Features.Reviews;

/// <summary>
/// Renders review Markdown to HTML that cannot run script: raw HTML is disabled (shown as text), and link and image
/// URLs are kept only when they are web or mail addresses (or relative); javascript:, data:, vbscript: and anything
/// else are unwrapped to plain text. The result then passes <see cref="UserHtmlSanitizer"/>, so a renderer bug or a
/// future pipeline extension cannot open a hole on its own.
/// </summary>
public sealed class ReviewMarkdown(UserHtmlSanitizer sanitizer)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    public string ToHtml(string? markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        // Collected first: the tree changes as unsafe links are unwrapped.
        foreach (var link in document.Descendants<LinkInline>().Where(l => !IsSafeUrl(l.Url)).ToList()) Unwrap(link);
        foreach (var auto in document.Descendants<AutolinkInline>().Where(a => !IsSafeUrl(a.Url)).ToList())
        {
            auto.ReplaceBy(new LiteralInline(auto.Url));
        }
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return sanitizer.Sanitize(writer.ToString());
    }

    /// <summary>
    /// An unsafe link becomes its text and an unsafe image its description: no element is left to click or load.
    /// (A placeholder href would still navigate, to the app's base URL.)
    /// </summary>
    private static void Unwrap(LinkInline link)
    {
        foreach (var child in link.ToList())
        {
            child.Remove();
            link.InsertBefore(child);
        }
        link.Remove();
    }

    /// <summary>Relative URLs and anchors, or an allowed scheme. Browsers ignore control characters and spaces in schemes, so we do too.</summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrEmpty(url)) return true;
        var cleaned = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        var colon = cleaned.IndexOf(':');
        if (colon < 0) return true;
        var firstDelimiter = cleaned.IndexOfAny(['/', '?', '#']);
        // "a/b:c" or "?x=y:z": the colon is not a scheme separator.
        if (firstDelimiter >= 0 && firstDelimiter < colon) return true;
        var scheme = cleaned[..colon];
        return SafeSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase);
    }
}

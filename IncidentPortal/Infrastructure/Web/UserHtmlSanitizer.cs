using AngleSharp.Dom;
using AngleSharp.Css.Dom;
using AngleSharp.Html.Dom;
using Ganss.Xss;

namespace IncidentPortal.Infrastructure.Web;

/// <summary>
/// The second wall behind every Markdown rendering of user text: whatever the renderer lets through, only the elements
/// and attributes Markdown legitimately produces survive, with web and mail links only. One configured instance is
/// shared (a singleton): HtmlSanitizer's Sanitize is thread-safe once configured.
/// </summary>
public sealed class UserHtmlSanitizer
{
    private static readonly string[] TaskListClasses = ["contains-task-list", "task-list-item"];
    /// <summary>Code fences name their language as a class; any other class could borrow the app's own styles.</summary>
    private const string LanguageClassPrefix = "language-";

    private readonly HtmlSanitizer sanitizer;

    public UserHtmlSanitizer()
    {
        sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "pre", "code",
                "strong", "em", "del", "ins", "mark", "sub", "sup",
                "ul", "ol", "li", "input",
                "table", "thead", "tbody", "tr", "th", "td",
                "a", "img",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "href", "src", "alt", "title", "start", "class", "type", "checked", "disabled",
                // Only for the column alignment of pipe tables: AllowedCssProperties lets text-align through and nothing else.
                "style",
            },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "text-align" },
            AllowedAtRules = new HashSet<CssRuleType>(),
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            AllowedClasses = new HashSet<string>(TaskListClasses, StringComparer.Ordinal),
        });
        sanitizer.RemovingCssClass += (_, e) => e.Cancel = e.CssClass.StartsWith(LanguageClassPrefix, StringComparison.Ordinal)
            && e.CssClass.Length > LanguageClassPrefix.Length;
        sanitizer.PostProcessDom += (_, e) => KeepOnlyTaskCheckboxes(e.Document);
    }

    public string Sanitize(string html) => sanitizer.Sanitize(html);

    /// <summary>Markdown makes one kind of input, the ticked box of a task list: never a field to type into, never clickable.</summary>
    private static void KeepOnlyTaskCheckboxes(IHtmlDocument document)
    {
        foreach (var input in document.QuerySelectorAll("input").ToList())
        {
            if (!string.Equals(input.GetAttribute("type"), "checkbox", StringComparison.OrdinalIgnoreCase)) input.Remove();
            else input.SetAttribute("disabled", "disabled");
        }
    }
}

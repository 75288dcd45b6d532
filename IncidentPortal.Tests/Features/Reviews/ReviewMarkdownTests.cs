using AngleSharp.Html.Parser;
using IncidentPortal.Features.Reviews;
using IncidentPortal.Infrastructure.Web;

namespace IncidentPortal.Tests.Features.Reviews;

/// <summary>Nothing typed into a review can run script: raw HTML is text, dangerous link and image URLs are inert.</summary>
public sealed class ReviewMarkdownTests
{
    private static readonly ReviewMarkdown Markdown = new(new UserHtmlSanitizer());

    private static AngleSharp.Html.Dom.IHtmlDocument Render(string markdown) =>
        new HtmlParser().ParseDocument($"<body>{Markdown.ToHtml(markdown)}</body>");

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Hello <img src=x onerror=alert(1)> there")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    public void Raw_HTML_is_shown_as_text_not_as_elements(string markdown)
    {
        var document = Render(markdown);
        Assert.Empty(document.QuerySelectorAll("script, img, iframe, a"));
        Assert.Contains("<", document.Body!.TextContent);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JavaScript:alert(1))")]
    [InlineData("[click]( javascript:alert(1) )")]
    [InlineData("[click](jav&#x61;script:alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[click](vbscript:msgbox)")]
    [InlineData("<javascript:alert(1)>")]
    public void Dangerous_links_become_plain_text(string markdown)
    {
        var document = Render(markdown);
        Assert.Empty(document.QuerySelectorAll("a"));
        Assert.Matches("click|javascript:alert", document.Body!.TextContent);
    }

    [Fact]
    public void Dangerous_images_become_their_description()
    {
        var document = Render("Look: ![the graph](javascript:alert(1)) and ![x](data:image/svg+xml;base64,PHN2Zz4=)");
        Assert.Empty(document.QuerySelectorAll("img"));
        Assert.Equal("Look: the graph and x", document.Body!.TextContent.Trim());
    }

    [Fact]
    public void A_safe_link_inside_text_around_an_unsafe_one_is_kept()
    {
        var document = Render("[**bold** evil](javascript:x) then [good](https://example.com)");
        var link = Assert.Single(document.QuerySelectorAll("a"));
        Assert.Equal("https://example.com/", new Uri(link.GetAttribute("href")!).ToString());
        Assert.Equal("bold", document.QuerySelector("strong")!.TextContent);
    }

    [Theory]
    [InlineData("[docs](https://example.com/a?b=c:d)", "https://example.com/a?b=c:d")]
    [InlineData("[mail](mailto:ops@example.com)", "mailto:ops@example.com")]
    [InlineData("[incident](/incidents/4)", "/incidents/4")]
    [InlineData("[anchor](#timeline)", "#timeline")]
    public void Ordinary_links_are_kept(string markdown, string href)
    {
        Assert.Equal(href, Assert.Single(Render(markdown).QuerySelectorAll("a")).GetAttribute("href"));
    }

    [Fact]
    public void Markdown_formatting_renders()
    {
        var document = Render("## Cause\n\n- **bold** item\n\n| a | b |\n|---|---|\n| 1 | 2 |");
        Assert.Equal("Cause", document.QuerySelector("h2")!.TextContent);
        Assert.Equal("bold", document.QuerySelector("li strong")!.TextContent);
        Assert.NotNull(document.QuerySelector("table"));
    }

    [Theory]
    [InlineData("[x](&#106;avascript:alert(1))")]
    [InlineData("[x](java\u0000script:alert(1))")]
    [InlineData("[x](<javascript:alert(1)>)")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("[x]: javascript:alert(1)\n\n[click][x]")]
    [InlineData("&lt;script&gt;alert(1)&lt;/script&gt; &#60;img src=x onerror=alert(1)&#62;")]
    [InlineData("`<script>alert(1)</script>` and\n\n```html\n<img src=x onerror=alert(1)>\n```")]
    public void Entity_and_reference_tricks_leave_nothing_that_runs(string markdown)
    {
        var document = Render(markdown);
        Assert.Empty(document.QuerySelectorAll("script, iframe, object, embed, svg, [onerror], [onclick], [style]"));
        Assert.DoesNotContain(document.QuerySelectorAll("a[href], img[src]"),
            e => (e.GetAttribute("href") ?? e.GetAttribute("src"))!.Contains("script:", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Task_lists_code_fences_aligned_tables_images_and_autolinks_survive_the_sanitizer()
    {
        var document = Render("- [x] paged on-call\n- [ ] write runbook\n\n```csharp\nvar ok = 1 < 2;\n```\n\n"
            + "| step | minutes |\n|:---|---:|\n| detect | 4 |\n\n![graph](https://grafana.example.com/g.png) see https://status.example.com");

        var boxes = document.QuerySelectorAll("li.task-list-item > input[type=checkbox]");
        Assert.Equal(2, boxes.Length);
        Assert.All(boxes, box => Assert.True(box.HasAttribute("disabled")));
        Assert.True(boxes[0].HasAttribute("checked"));
        Assert.Equal("var ok = 1 < 2;\n", document.QuerySelector("pre > code.language-csharp")!.TextContent);
        Assert.Equal("text-align: right", document.QuerySelectorAll("td")[1].GetAttribute("style")!.TrimEnd(';'));
        Assert.Equal("https://grafana.example.com/g.png", document.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal("https://status.example.com", document.QuerySelector("a")!.GetAttribute("href"));
    }
}

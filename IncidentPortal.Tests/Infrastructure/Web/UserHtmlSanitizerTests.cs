using AngleSharp.Html.Parser;
using IncidentPortal.Infrastructure.Web;

namespace IncidentPortal.Tests.Infrastructure.Web;

/// <summary>
/// The sanitizer on its own, fed the hostile HTML that Markdown rendering never lets through today: the second wall
/// must hold even if the first one (raw HTML off, URL checks) had a hole.
/// </summary>
public sealed class UserHtmlSanitizerTests
{
    private static readonly UserHtmlSanitizer Sanitizer = new();

    private static AngleSharp.Html.Dom.IHtmlDocument Clean(string html) =>
        new HtmlParser().ParseDocument($"<body>{Sanitizer.Sanitize(html)}</body>");

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<svg><script>alert(1)</script></svg>")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<object data=\"evil.swf\"></object><embed src=\"evil.swf\">")]
    [InlineData("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>")]
    [InlineData("<p onclick=\"alert(1)\" onmouseover=\"alert(1)\">hi</p>")]
    [InlineData("<form action=\"https://evil.example\"><input type=\"password\" name=\"p\"><button>Sign in</button></form>")]
    [InlineData("<style>body{display:none}</style><link rel=stylesheet href=https://evil.example/x.css>")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">")]
    [InlineData("<input type=\"checkbox\" onfocus=\"alert(1)\" autofocus>")]
    public void Elements_and_handlers_that_could_run_or_phish_are_gone(string html)
    {
        var document = Clean(html);

        Assert.Empty(document.QuerySelectorAll("script, svg, iframe, object, embed, form, button, style, link, meta, math, "
            + "input:not([type=checkbox]), [onerror], [onload], [onclick], [onmouseover], [onfocus], [autofocus]"));
    }

    [Theory]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"  JaVaScRiPt:alert(1)\">x</a>")]
    [InlineData("<a href=\"jav&#x09;ascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>")]
    [InlineData("<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>")]
    [InlineData("<a href=\"vbscript:msgbox(1)\">x</a>")]
    [InlineData("<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">")]
    [InlineData("<img src=\"javascript:alert(1)\">")]
    public void Script_and_data_urls_are_removed(string html)
    {
        var document = Clean(html);

        Assert.Empty(document.QuerySelectorAll("a[href], img[src]"));
    }

    [Theory]
    [InlineData("<p style=\"background:url(javascript:alert(1))\">x</p>")]
    [InlineData("<p style=\"position:fixed;top:0;left:0;width:100%;height:100%\">x</p>")]
    [InlineData("<td style=\"text-align:right;background-image:url(https://evil.example/track.png)\">x</td>")]
    public void Styles_other_than_table_alignment_are_removed(string html)
    {
        var style = Sanitizer.Sanitize(html);

        Assert.DoesNotContain("url(", style);
        Assert.DoesNotContain("position", style);
    }

    [Fact]
    public void Only_task_list_and_code_language_classes_are_kept()
    {
        var document = Clean("<ul class=\"contains-task-list rz-button\"><li class=\"task-list-item\">x</li></ul>"
            + "<pre><code class=\"language-sql\">select 1</code></pre><p class=\"rz-dialog-mask\">cover</p>");

        Assert.Equal("contains-task-list", document.QuerySelector("ul")!.ClassName);
        Assert.Equal("language-sql", document.QuerySelector("code")!.ClassName);
        Assert.Empty(document.QuerySelector("p")!.ClassList);
    }

    [Fact]
    public void Web_and_mail_links_and_relative_links_stay_as_written()
    {
        var document = Clean("<a href=\"https://example.com/a?b=c:d\">a</a><a href=\"mailto:ops@example.com\">b</a>"
            + "<a href=\"/incidents/4\">c</a><a href=\"#timeline\">d</a>");

        Assert.Equal(["https://example.com/a?b=c:d", "mailto:ops@example.com", "/incidents/4", "#timeline"],
            document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }
}

using IncidentPortal.Features.Reports;
using IncidentPortal.Features.Reports.Digest;

namespace IncidentPortal.Tests.Features.Reports.Digest;

public sealed class DigestMailTests
{
    private static readonly ReportFilter Week = DigestSchedule.RangeFor(new DateOnly(2026, 12, 7), "Europe/London");

    private static ReportFigure Figure(string title, double? value, double? previous, string unit) => new("k", title, value, previous, unit, "", null);

    [Fact]
    public void The_change_reads_with_an_arrow_and_its_size_in_the_figure_s_unit()
    {
        Assert.Equal("↑ 3", DigestMail.Change(Figure("Created", 12, 9, "count")));
        Assert.Equal("↓ 1 h 15 min", DigestMail.Change(Figure("MTTR", 45, 120, "minutes")));
        Assert.Equal("↑ 2.5 pts", DigestMail.Change(Figure("SLA", 92.5, 90, "percent")));
        Assert.Equal("no change", DigestMail.Change(Figure("Breaches", 0, 0, "count")));
        Assert.Equal("no comparison", DigestMail.Change(Figure("SLA", 80, null, "percent")));
    }

    [Fact]
    public void Everything_in_the_HTML_body_is_encoded_and_the_text_body_is_plain()
    {
        var digest = new WeeklyDigest(Week, [Figure("<script>alert(1)</script> & co", 1, 0, "count")]);

        var mail = DigestMail.Compose("m@example.com", digest, "https://portal.example.com/a&b");

        Assert.DoesNotContain("<script>", mail.HtmlBody);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co", mail.HtmlBody);
        Assert.Contains("href=\"https://portal.example.com/a&amp;b/notifications/preferences\"", mail.HtmlBody);
        Assert.Contains("<script>alert(1)</script> & co: 1 (↑ 1; week before: 0)", mail.TextBody);
    }
}

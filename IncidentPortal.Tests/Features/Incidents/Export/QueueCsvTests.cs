using System.Text;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Incidents.Export;

namespace IncidentPortal.Tests.Features.Incidents.Export;

/// <summary>The queue's CSV: hostile text stays text (no formulas), quotes, commas and line breaks survive.</summary>
public sealed class QueueCsvTests
{
    [Theory]
    [InlineData("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("   =HYPERLINK(\"http://x\")", "'   =HYPERLINK(\"http://x\")")]
    [InlineData("VPN drops", "VPN drops")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void A_cell_that_starts_like_a_formula_gets_an_apostrophe(string cell, string expected) =>
        Assert.Equal(expected, QueueCsv.Neutralise(cell));

    [Fact]
    public async Task Hostile_titles_are_escaped_and_every_row_reads_back_as_written()
    {
        var at = new DateTime(2026, 12, 7, 9, 30, 0, DateTimeKind.Utc);
        IncidentRow Row(int number, string title, string? team) =>
            new(number, number, title, IncidentStatus.InProgress, Priority.P2, "VPN", team, "Alex \"Al\" Agent", "Rita, Reporter", at, at.AddHours(1));
        var rows = new[]
        {
            Row(12, "=cmd|' /C calc'!A0", "@Network"),
            Row(13, "Says \"hello\", then\nleaves", null),
            Row(14, "-1+2 <script>alert(1)</script>", "Service Desk"),
        };

        var bytes = await QueueCsv.ToBytesAsync(rows);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var records = ParseCsv(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(QueueCsv.Header, records[0]);
        Assert.Equal(4, records.Count);
        Assert.Equal(["INC-000012", "'=cmd|' /C calc'!A0", "In progress", "P2", "VPN", "'@Network", "Alex \"Al\" Agent", "Rita, Reporter",
            "2026-12-07 09:30", "2026-12-07 10:30"], records[1]);
        Assert.Equal("Says \"hello\", then\nleaves", records[2][1]);
        Assert.Equal("", records[2][5]);
        Assert.Equal("'-1+2 <script>alert(1)</script>", records[3][1]);
        Assert.All(records.SelectMany(r => r), cell => Assert.DoesNotMatch(@"^\s*[=+\-@\t\r]", cell));
    }

    /// <summary>RFC 4180, written out here so the test does not trust the writer's own library to read it back.</summary>
    public static List<string[]> ParseCsv(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
                i++;
            }
            else field.Append(c);
        }
        if (field.Length > 0 || fields.Count > 0) { fields.Add(field.ToString()); records.Add([.. fields]); }
        return records;
    }
}

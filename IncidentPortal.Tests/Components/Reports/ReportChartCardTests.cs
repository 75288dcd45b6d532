using Bunit;
using IncidentPortal.Features.Reports.Pages;
using IncidentPortal.Tests.Components.Support;

namespace IncidentPortal.Tests.Components.Reports;

/// <summary>A report chart: every bar is a named link to its incidents, and "Show as table" lists the same figures with the same links.</summary>
public sealed class ReportChartCardTests
{
    private static readonly ReportChart Chart = new("Created and resolved per day", "Day",
        ["Tue 1 Dec 2026", "Wed 2 Dec 2026"],
        [
            new("Created", [new(3, "3 incidents", "queue?slice=created~2026-12-01"), new(0, "0 incidents", "queue?slice=created~2026-12-02")]),
            new("Resolved", [new(1, "1 incident", "queue?slice=resolved~2026-12-01"), new(2, "2 incidents", "queue?slice=resolved~2026-12-02")]),
        ],
        AxisLabels: ["1 Dec", "2 Dec"]);

    [Fact]
    public async Task Each_bar_is_a_link_named_by_its_series_day_and_figure_and_an_empty_bar_is_not_a_link()
    {
        await using var ctx = MudTestContext.Create();
        var cut = ctx.Render<ReportChartCard>(p => p.Add(x => x.Chart, Chart).Add(x => x.Measured, "Counted by the day reported."));

        var bars = cut.FindAll("a.report-chart-slot").ToDictionary(a => a.GetAttribute("aria-label")!, a => a.GetAttribute("href"));

        Assert.Equal(new Dictionary<string, string?>
        {
            ["Created, Tue 1 Dec 2026: 3 incidents"] = "queue?slice=created~2026-12-01",
            ["Resolved, Tue 1 Dec 2026: 1 incident"] = "queue?slice=resolved~2026-12-01",
            ["Resolved, Wed 2 Dec 2026: 2 incidents"] = "queue?slice=resolved~2026-12-02",
        }, bars);
        Assert.Equal(["Created", "Resolved"], cut.FindAll(".report-chart-legend li").Select(l => l.TextContent.Trim()));
        Assert.Equal(["1 Dec", "2 Dec"], cut.FindAll(".report-chart-label").Select(l => l.TextContent.Trim()));
        // The group is named, so a screen reader announces what the links are about.
        Assert.Equal("Created and resolved per day", cut.Find(".report-chart[role=group]").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Show_as_table_lists_the_same_figures_each_linking_to_the_same_incidents_and_back()
    {
        await using var ctx = MudTestContext.Create();
        var cut = ctx.Render<ReportChartCard>(p => p.Add(x => x.Chart, Chart));
        var toggle = cut.FindAll("button").Single(b => b.SpokenText() == "Show as table: Created and resolved per day");
        Assert.Equal("false", toggle.GetAttribute("aria-pressed"));

        toggle.Click();

        var rows = cut.FindAll("table tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal([["Tue 1 Dec 2026", "3 incidents", "1 incident"], ["Wed 2 Dec 2026", "0 incidents", "2 incidents"]], rows);
        Assert.Equal(["Day", "Created", "Resolved"], cut.FindAll("table thead th").Select(h => h.TextContent.Trim()));
        var links = cut.FindAll("table a").Select(a => (a.GetAttribute("aria-label"), a.GetAttribute("href"))).ToList();
        Assert.Equal(
        [
            ("3 incidents: Created, Tue 1 Dec 2026", "queue?slice=created~2026-12-01"),
            ("1 incident: Resolved, Tue 1 Dec 2026", "queue?slice=resolved~2026-12-01"),
            ("2 incidents: Resolved, Wed 2 Dec 2026", "queue?slice=resolved~2026-12-02"),
        ], links);
        Assert.Empty(cut.FindAll("a.report-chart-slot"));

        cut.FindAll("button").Single(b => b.SpokenText() == "Show as chart: Created and resolved per day").Click();

        Assert.Empty(cut.FindAll("table"));
        Assert.Equal(3, cut.FindAll("a.report-chart-slot").Count);
    }

    [Fact]
    public async Task How_it_is_measured_is_a_disclosure_a_keyboard_reaches()
    {
        await using var ctx = MudTestContext.Create();
        var cut = ctx.Render<ReportChartCard>(p => p.Add(x => x.Chart, Chart).Add(x => x.Measured, "Counted by the day reported."));

        var details = cut.Find("details.how-measured");

        Assert.Equal("How is this measured: Created and resolved per day", details.QuerySelector("summary")!.SpokenText());
        Assert.Equal("Counted by the day reported.", details.QuerySelector("p")!.TextContent);
    }

    [Fact]
    public async Task A_chart_with_nothing_to_show_says_so()
    {
        await using var ctx = MudTestContext.Create();
        var empty = Chart with { Series = [new("Created", [new(0, "0 incidents", "x"), new(0, "0 incidents", "y")])] };

        var cut = ctx.Render<ReportBarChart>(p => p.Add(x => x.Chart, empty));

        Assert.Contains("Nothing to chart", cut.Markup);
        Assert.Empty(cut.FindAll("a"));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 5)]
    [InlineData(7, 10)]
    [InlineData(12, 20)]
    [InlineData(21, 25)]
    [InlineData(26, 50)]
    [InlineData(101, 200)]
    public void The_axis_ends_at_a_round_number_at_or_above_the_largest_bar(double largest, double axis) =>
        Assert.Equal(axis, ReportChart.NiceCeiling(largest));

    [Fact]
    public void Stacked_bars_are_scaled_to_the_tallest_stack()
    {
        var stacked = Chart with { Stacked = true };

        Assert.Equal(5, stacked.AxisMax()); // 3 + 1 on the first day, 0 + 2 on the second
        Assert.Equal(5, Chart.AxisMax()); // side by side: the tallest bar is 3
    }

    [Fact]
    public async Task The_CSV_button_downloads_the_figures_the_chart_shows_and_hostile_names_stay_text()
    {
        await using var ctx = MudTestContext.Create();
        var hostile = Chart with { Categories = ["=HYPERLINK(\"http://x\")", "Wed 2 Dec 2026"] };
        var cut = ctx.Render<ReportChartCard>(p => p.Add(x => x.Chart, hostile));

        var csv = cut.FindAll("a").Single(a => a.SpokenText() == "CSV of Created and resolved per day");

        Assert.Equal("created-and-resolved-per-day.csv", csv.GetAttribute("download"));
        var href = csv.GetAttribute("href")!;
        Assert.StartsWith("data:text/csv;charset=utf-8,", href, StringComparison.Ordinal);
        var text = Uri.UnescapeDataString(href["data:text/csv;charset=utf-8,".Length..]);
        Assert.Equal("\uFEFFDay,Created,Resolved\r\n\"'=HYPERLINK(\"\"http://x\"\")\",3,1\r\nWed 2 Dec 2026,0,2\r\n", text);
    }
}

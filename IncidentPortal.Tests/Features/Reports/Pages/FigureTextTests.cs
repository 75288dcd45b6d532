using IncidentPortal.Features.Reports;
using IncidentPortal.Features.Reports.Pages;

namespace IncidentPortal.Tests.Features.Reports.Pages;

/// <summary>How a headline figure and its trend read, and whether the change is good news.</summary>
public sealed class FigureTextTests
{
    private static ReportFigure Figure(string key, double? value, double? previous, string unit = "count") =>
        new(key, key, value, previous, unit, "", null);

    [Theory]
    [InlineData(125.0, "minutes", "2 h 5 min")]
    [InlineData(92.46, "percent", "92.5 %")]
    [InlineData(1234.0, "count", "1,234")]
    [InlineData(1.456, "ratio", "1.46")]
    [InlineData(null, "count", "—")]
    public void Values_read_in_their_unit(double? value, string unit, string text) => Assert.Equal(text, FigureText.Value(value, unit));

    [Theory]
    [InlineData(120.0, 100.0, "count", "▲ 20 %")]
    [InlineData(80.0, 100.0, "count", "▼ 20 %")]
    [InlineData(95.0, 92.9, "percent", "▲ 2.1 pts")]
    [InlineData(5.0, 0.0, "count", "▲ from 0")]
    [InlineData(7.0, 7.0, "count", "no change")]
    public void The_change_reads_as_an_arrow_and_a_percentage(double value, double previous, string unit, string text) =>
        Assert.Equal(text, FigureText.Change(Figure("created", value, previous, unit)));

    [Fact]
    public void Without_a_previous_value_there_is_no_change_to_show() => Assert.Null(FigureText.Change(Figure("created", 3, null)));

    [Theory]
    [InlineData("mttr", 90.0, 60.0, false)]
    [InlineData("mttr", 30.0, 60.0, true)]
    [InlineData("sla-resolution", 95.0, 90.0, true)]
    [InlineData("reopened", 4.0, 2.0, false)]
    [InlineData("created", 40.0, 20.0, null)]
    public void A_change_is_better_or_worse_by_what_the_figure_measures(string key, double value, double previous, bool? good) =>
        Assert.Equal(good, FigureText.IsGood(Figure(key, value, previous)));

    [Fact]
    public void The_comparison_names_the_previous_period()
    {
        var filter = ReportFilter.ForPreset(ReportPreset.Last30Days, new DateOnly(2026, 12, 7), "UTC");

        Assert.Equal("vs previous 30 days", FigureText.Versus(filter));
    }
}

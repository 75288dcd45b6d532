using Bunit;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Reports;
using IncidentPortal.Features.Reports.Pages;
using IncidentPortal.Tests.Components.Support;

namespace IncidentPortal.Tests.Components.Reports;

/// <summary>The report's filter bar: presets end today, custom days are checked, every filter reaches the filter it hands up.</summary>
public sealed class ReportFilterBarTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static readonly QueueFilterOptions Names = new(
        Teams: [new(1, "Network"), new(2, "Service Desk")],
        Services: [new(10, "VPN")],
        Categories: [new(20, "Hardware"), new(21, "Hardware › Laptop")],
        MyTeamIds: [1]);

    private static readonly ReportFilter Start = ReportFilter.ForPreset(ReportPreset.Last30Days, Today, "Europe/Berlin");

    [Theory]
    [InlineData("Last 7 days", "2026-12-01", "2026-12-07")]
    [InlineData("Last 90 days", "2026-09-09", "2026-12-07")]
    [InlineData("This quarter", "2026-10-01", "2026-12-07")]
    public async Task A_preset_covers_the_days_ending_today_in_the_viewers_zone(string preset, string from, string to)
    {
        await using var ctx = MudTestContext.Create();
        var popovers = ctx.Popovers();
        ReportFilter? changed = null;
        var cut = Render(ctx, Start, f => changed = f);

        cut.Choose(popovers, "Range", preset);

        cut.WaitForAssertion(() => Assert.NotNull(changed));
        Assert.Equal((DateOnly.Parse(from), DateOnly.Parse(to)), (changed!.From, changed.To));
        Assert.Equal("Europe/Berlin", changed.TimeZoneId);
    }

    [Theory]
    [InlineData("Team", "Service Desk")]
    [InlineData("Service", "VPN")]
    [InlineData("Category", "Hardware › Laptop")]
    [InlineData("Priority", "P1")]
    [InlineData("Source", "Monitoring alert")]
    public async Task Choosing_a_filter_hands_up_the_filter_with_it_and_the_same_days(string field, string option)
    {
        await using var ctx = MudTestContext.Create();
        var popovers = ctx.Popovers();
        ReportFilter? changed = null;
        var cut = Render(ctx, Start, f => changed = f);

        cut.Choose(popovers, field, option);

        var expected = field switch
        {
            "Team" => Start with { TeamId = 2 },
            "Service" => Start with { ServiceId = 10 },
            "Category" => Start with { CategoryId = 21 },
            "Priority" => Start with { Priority = Priority.P1 },
            _ => Start with { Source = ReportSource.Alert },
        };
        cut.WaitForAssertion(() => Assert.Equal(expected, changed));
    }

    [Fact]
    public async Task Custom_days_are_handed_up_once_they_make_a_range()
    {
        await using var ctx = MudTestContext.Create();
        var changes = new List<ReportFilter>();
        var custom = Start with { Preset = ReportPreset.Custom };
        var cut = Render(ctx, custom, changes.Add);

        cut.FieldLabelled("From").Change("2026-11-01");

        var changed = Assert.Single(changes);
        Assert.Equal((new DateOnly(2026, 11, 1), Start.To, ReportPreset.Custom), (changed.From, changed.To, changed.Preset));
    }

    [Fact]
    public async Task A_first_day_after_the_last_says_why_and_changes_nothing()
    {
        await using var ctx = MudTestContext.Create();
        var changes = new List<ReportFilter>();
        var cut = Render(ctx, Start with { Preset = ReportPreset.Custom }, changes.Add);

        cut.FieldLabelled("From").Change("2026-12-20");

        Assert.Empty(changes);
        cut.WaitForAssertion(() => Assert.Contains("The first day must not be after the last.", cut.Markup));
    }

    [Fact]
    public async Task Clear_filters_keeps_the_days_and_drops_every_filter()
    {
        await using var ctx = MudTestContext.Create();
        ReportFilter? changed = null;
        var filtered = Start with { TeamId = 1, Priority = Priority.P2, Source = ReportSource.Api };
        var cut = Render(ctx, filtered, f => changed = f);

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Clear filters").Click();

        Assert.Equal(Start, changed);
    }

    [Fact]
    public async Task The_days_shown_and_the_zone_they_start_in_are_spelled_out()
    {
        await using var ctx = MudTestContext.Create();
        var cut = Render(ctx, Start, _ => { });

        Assert.Contains("Sun 8 Nov 2026 – Mon 7 Dec 2026 · days start at midnight (Europe/Berlin)", cut.Find(".report-range-text").TextContent);
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Trim() == "Clear filters");
    }

    private static IRenderedComponent<ReportFilterBar> Render(BunitContext ctx, ReportFilter filter, Action<ReportFilter> changed) =>
        ctx.Render<ReportFilterBar>(p => p
            .Add(x => x.Filter, filter)
            .Add(x => x.Names, Names)
            .Add(x => x.Today, Today)
            .Add(x => x.OnChange, changed));
}

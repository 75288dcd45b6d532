using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Incidents.Pages;
using IncidentPortal.Features.Incidents.SavedViews;
using IncidentPortal.Features.Reports;
using IncidentPortal.Features.Reports.Pages;

namespace IncidentPortal.Tests.Features.Reports.Pages;

/// <summary>A figure's drill-down address: what the queue, its CSV export and its banner read back from it.</summary>
public sealed class ReportLinksTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);

    private static readonly ReportFilter Filter =
        ReportFilter.ForPreset(ReportPreset.Last30Days, new DateOnly(2026, 12, 7), "Europe/Berlin") with { TeamId = 3, Priority = Priority.P1, Source = ReportSource.Alert };

    private static readonly ReportSlice Slice = ReportSlice.Of(ReportSlice.Kinds.Resolved, "2026-W49");

    [Fact]
    public void The_queue_reads_back_the_same_filter_with_its_days_written_out_and_the_same_slice()
    {
        var url = ReportLinks.DrillDown(Filter, Slice);
        var parsed = SavedViewQuery.Parse(new Uri(new Uri("http://portal/"), url).Query);

        Assert.StartsWith("queue?", url, StringComparison.Ordinal);
        var (filter, slice) = QueueService.DrillDown(parsed, Now.AddDays(3))!.Value; // opened days later: the same days
        Assert.Equal(Filter with { Preset = ReportPreset.Custom }, filter);
        Assert.Equal(Slice, slice);
        Assert.Equal((QueueSort.Created, true), (parsed.Sort, parsed.Descending));
        Assert.Equal(QueueUrl.For(parsed), url);
    }

    [Fact]
    public void The_export_of_a_drill_down_exports_the_same_list()
    {
        var csv = ReportLinks.DrillDownCsv(Filter, Slice);

        Assert.StartsWith("queue/export.csv?", csv, StringComparison.Ordinal);
        var exported = SavedViewQuery.Parse(csv[(csv.IndexOf('?', StringComparison.Ordinal) + 1)..]);
        Assert.Equal((Filter with { Preset = ReportPreset.Custom }, Slice), QueueService.DrillDown(exported, Now));
    }

    [Theory]
    [InlineData("not-a-kind~x")]
    [InlineData("")]
    public void A_slice_that_is_not_one_is_no_drill_down(string slice)
    {
        var parsed = QueueUrl.Parse(null, null, null, null, null, null, null, null, null, null, null, "range=last7", slice);

        Assert.False(parsed.IsDrillDown);
        Assert.Null(parsed.Report);
        Assert.Equal("queue", QueueUrl.For(parsed));
    }

    [Fact]
    public void People_figures_are_for_incident_managers_and_admins()
    {
        var agent = new IncidentPortal.Features.Accounts.Actor("a", "Agent", IsAgent: true, IsIncidentManager: false, IsAdmin: false);
        var manager = agent with { IsIncidentManager = true };
        var load = ReportSlice.Of(ReportSlice.Kinds.Load, "user:abc");

        Assert.False(QueueService.MayDrillInto(agent, load));
        Assert.True(QueueService.MayDrillInto(manager, load));
        Assert.True(QueueService.MayDrillInto(agent, Slice));
        Assert.False(QueueService.MayDrillInto(agent with { IsAgent = false }, Slice));
    }

    [Fact]
    public void The_filters_read_as_names()
    {
        var names = new QueueFilterOptions([new(3, "Network")], [], [], []);

        Assert.Equal(["Network", "P1", "Monitoring alert"], ReportLinks.Filters(Filter, names));
        Assert.Equal("Sun 8 Nov 2026 – Mon 7 Dec 2026", ReportLinks.Range(Filter));
    }
}

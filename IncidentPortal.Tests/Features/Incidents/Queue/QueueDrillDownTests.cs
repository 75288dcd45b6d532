using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Incidents.Export;
using IncidentPortal.Features.Incidents.SavedViews;
using IncidentPortal.Features.Reports;
using IncidentPortal.Features.Reports.Pages;

namespace IncidentPortal.Tests.Features.Incidents.Queue;

/// <summary>
/// The queue as a drill-down from Reports: exactly the incidents the figure counted (ReportsService.Matching), closed
/// ones too, with the queue's filters, sort, paging, "all matching" and export working on that list.
/// </summary>
public sealed class QueueDrillDownTests : IAsyncLifetime
{
    private readonly QueueWorld world = new();
    private ReportsService reports = null!;
    private QueueService queue = null!;

    /// <summary>Everything reported in November 2026 (QueueWorld reports all its incidents on 2 November), in UTC.</summary>
    private static readonly ReportFilter November = new() { From = new(2026, 11, 1), To = new(2026, 11, 30), TimeZoneId = "UTC" };

    private static readonly ReportSlice CreatedOnTheSecond = ReportSlice.Of(ReportSlice.Kinds.Created, "2026-11-02");

    public async Task InitializeAsync()
    {
        await world.InitializeAsync();
        reports = new ReportsService(world.Db, world.Clock);
        queue = new QueueService(world.Db, world.Incidents, world.Clock, reports: reports);
    }

    public Task DisposeAsync() => world.DisposeAsync();

    private static QueueQuery Drill(ReportFilter filter, ReportSlice slice) =>
        SavedViewQuery.Parse(ReportLinks.DrillDown(filter, slice)["queue?".Length..]);

    [Fact]
    public async Task The_list_is_exactly_what_the_figure_counted_closed_and_cancelled_included()
    {
        var counted = await reports.MatchingIdsAsync(world.Me, November, CreatedOnTheSecond);

        var page = await queue.GetAsync(world.Me, Drill(November, CreatedOnTheSecond) with { Take = 100 });

        Assert.Equal(counted.Order(), page.Rows.Select(r => r.Id).Order());
        Assert.Equal(counted.Count, page.Total);
        Assert.Contains(world.Ids["oldvpn"], counted); // closed
        Assert.Contains(world.Ids["dup"], counted); // cancelled: reported all the same
        Assert.Equal(world.Ids.Count, counted.Count);
    }

    [Fact]
    public async Task The_queues_own_filters_sort_and_pages_work_on_that_list()
    {
        var drill = Drill(November, CreatedOnTheSecond) with { Take = 2, Sort = QueueSort.Reference, Descending = false };

        var first = await queue.GetAsync(world.Me, drill);
        var second = await queue.GetAsync(world.Me, drill with { Skip = 2 });
        var network = await queue.GetAsync(world.Me, drill with { TeamId = world.Teams["Network"], Take = 100 });

        var byNumber = world.Numbers.OrderBy(n => n.Value).Select(n => n.Key).ToList();
        Assert.Equal(byNumber.Take(4), world.Keys(first).Concat(world.Keys(second)));
        Assert.Equal(world.Ids.Count, first.Total);
        Assert.All(network.Rows, r => Assert.Equal("Network", r.Team));
        Assert.Contains(world.Ids["printer"], network.Rows.Select(r => r.Id)); // resolved, still listed
    }

    [Fact]
    public async Task All_matching_and_the_export_take_the_same_list_and_nothing_else()
    {
        var drill = Drill(November, CreatedOnTheSecond);
        var counted = await reports.MatchingIdsAsync(world.Me, November, CreatedOnTheSecond);

        var matching = await queue.MatchingIdsAsync(world.Me, drill);
        var csv = System.Text.Encoding.UTF8.GetString(await QueueCsv.ToBytesAsync(await queue.RowsAsync(world.Me, matching)));

        Assert.Equal(counted.Order(), matching.Order());
        foreach (var number in world.Numbers.Values) Assert.Contains(Incident.FormatReference(number), csv);
        Assert.Equal(counted.Count + 1, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task A_day_with_nothing_counted_lists_nothing_and_the_view_tabs_keep_their_own_counts()
    {
        var page = await queue.GetAsync(world.Me, Drill(November, ReportSlice.Of(ReportSlice.Kinds.Created, "2026-11-20")));

        Assert.Empty(page.Rows);
        Assert.Equal(0, page.Total);
        Assert.Equal(6, page.ViewCounts[QueueView.AllOpen]);
    }

    [Fact]
    public async Task An_agent_is_refused_a_people_figures_list()
    {
        var load = ReportSlice.Of(ReportSlice.Kinds.Load, "user:" + world.Me.UserId);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => queue.GetAsync(world.Me, Drill(November, load)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => queue.MatchingIdsAsync(world.Me, Drill(November, load)));
    }
}

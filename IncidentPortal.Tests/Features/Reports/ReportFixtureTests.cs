using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Reports;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Features.Reports;

/// <summary>
/// A small hand-computed fixture around the end of British Summer Time (Sun 25 Oct 2026, 02:00 BST → 01:00 GMT), read
/// in Europe/London for 24–26 Oct. Local day boundaries in UTC: 24 Oct from 23 Oct 23:00; 25 Oct from 24 Oct 23:00
/// (25 hours long); 26 Oct from 26 Oct 00:00; the range ends 27 Oct 00:00.
/// A created 24 Oct 23:30Z (25 Oct 00:30 BST), responded +30 min, resolved 25 Oct 03:30Z (GMT: 25 Oct) → MTTR 4 h.
/// B created 25 Oct 23:30Z (25 Oct GMT), responded +2 h, resolved 26 Oct 09:30Z, reopened 10:00Z, resolved 11:30Z → MTTR 12 h, 1 reopen.
/// C created 23 Oct 22:30Z (23 Oct BST: before the range), responded +1 h (inside), resolved 24 Oct 22:30Z (24 Oct BST) → MTTR 24 h.
/// D created 26 Oct 10:00Z, cancelled 11:00Z, never responded. E created 26 Oct 23:30Z, open. F created 27 Oct 00:30Z (after the range).
/// </summary>
public sealed class ReportFixtureTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    private static DateTime Z(int day, int hour, int minute = 0) => new(2026, 10, day, hour, minute, 0, DateTimeKind.Utc);

    private static readonly ReportFilter London = new() { From = new(2026, 10, 24), To = new(2026, 10, 26), TimeZoneId = "Europe/London" };

    private ReportsService Reports => host.Services.GetRequiredService<ReportsService>();

    private async Task<ReportFilter> FixtureAsync()
    {
        await using var db = await host.DbAsync();
        var service = await db.Services.FirstAsync(s => s.Name == "Email");
        if (await db.Incidents.AnyAsync(i => i.Number == 990_001)) return London with { ServiceId = service.Id };
        var reporter = (await host.ActorAsync(DemoEmails.Reporter)).UserId;
        var agent = await host.ActorAsync(DemoEmails.Agent);
        var team = new Named<int>(await host.TeamIdAsync("Service Desk"), "Service Desk");
        var me = new Named<string>(agent.UserId, agent.Name);
        ChangeContext By(DateTime at, bool isAgent = true) => new(isAgent ? agent.UserId : reporter, at, isAgent);
        Incident New(int number, DateTime at) => Incident.Report(number, new IncidentDraft($"Fixture {number}", "", Impact.Low, Urgency.Low,
            IncidentSource.Portal, service.Id, null), reporter, By(at, isAgent: false), PriorityMatrix.ItilDefault);

        var a = New(990_001, Z(24, 23, 30));
        a.Assign(By(Z(25, 0)), team, me); a.StartWork(By(Z(25, 0))); a.Resolve(By(Z(25, 3, 30)), ResolutionCode.Fixed, "Done", null);
        var b = New(990_002, Z(25, 23, 30));
        b.Assign(By(Z(26, 1, 30)), team, me); b.StartWork(By(Z(26, 1, 30))); b.Resolve(By(Z(26, 9, 30)), ResolutionCode.Fixed, "Done", null);
        b.Reopen(By(Z(26, 10), isAgent: false), "Still broken"); b.Resolve(By(Z(26, 11, 30)), ResolutionCode.Fixed, "Done again", null);
        var c = New(990_003, Z(23, 22, 30));
        c.Assign(By(Z(23, 23, 30)), team, me); c.StartWork(By(Z(23, 23, 30))); c.Resolve(By(Z(24, 22, 30)), ResolutionCode.Fixed, "Done", null);
        var d = New(990_004, Z(26, 10));
        d.Cancel(By(Z(26, 11)), "Raised by mistake");
        var e = New(990_005, Z(26, 23, 30));
        var f = New(990_006, Z(27, 0, 30));
        db.Incidents.AddRange(a, b, c, d, e, f);
        await db.SaveChangesAsync();
        return London with { ServiceId = service.Id };
    }

    [Fact]
    public async Task Volume_counts_days_in_the_viewer_s_zone_across_the_DST_change()
    {
        var filter = await FixtureAsync();
        var volume = await Reports.VolumeAsync(await host.ActorAsync(DemoEmails.Manager), filter);

        Assert.Equal(["2026-10-24", "2026-10-25", "2026-10-26"], volume.CreatedResolved.Select(p => p.Period));
        Assert.Equal([0, 2, 2], volume.CreatedResolved.Select(p => p.Created));   // A and B on the 25th; D and E on the 26th
        Assert.Equal([1, 1, 1], volume.CreatedResolved.Select(p => p.Resolved));  // C, A, B (final resolution)
        Assert.Equal([0, 1, 1], volume.Backlog.Select(p => p.Open));              // start: C open; B at the end of the 25th; E at the end
        Assert.Equal(1, volume.Headline.Single(h => h.Key == "backlog").Previous);
        Assert.Equal((4, 1), (volume.Headline.Single(h => h.Key == "created").Value, volume.Headline.Single(h => h.Key == "created").Previous));
    }

    [Fact]
    public async Task Speed_uses_first_response_and_final_resolution_and_leaves_cancelled_out()
    {
        var filter = await FixtureAsync();
        var speed = await Reports.SpeedAsync(await host.ActorAsync(DemoEmails.Manager), filter);
        double? Figure(string key) => speed.Headline.Single(h => h.Key == key).Value;

        // MTTA 30, 60, 120 min: median (rank 2) 60, p90 (rank 3) 120. MTTR 240, 720, 1440 min: median 720, p90 1440.
        Assert.Equal((60, 120), (Figure("mtta-median"), Figure("mtta-p90")));
        Assert.Equal((720, 1440), (Figure("mttr-median"), Figure("mttr-p90")));
        Assert.Equal((1, 1), (Figure("cancelled"), Figure("reopened")));
        var p5 = Assert.Single(speed.ByPriority);
        Assert.Equal((3, 3), (p5.Response.Count, p5.Resolution.Count));
    }

    [Fact]
    public async Task Every_figure_s_slice_lists_exactly_the_incidents_it_counted()
    {
        var filter = await FixtureAsync();
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var volume = await Reports.VolumeAsync(manager, filter);
        async Task<string[]> Refs(ReportSlice slice) =>
            [.. (await Reports.IncidentRowsAsync(manager, filter, slice)).Select(r => r.Reference).Order()];

        Assert.Equal(["INC-990001", "INC-990002"], await Refs(volume.CreatedResolved[1].CreatedSlice));
        Assert.Equal(["INC-990003"], await Refs(volume.CreatedResolved[0].ResolvedSlice));
        Assert.Equal(["INC-990005"], await Refs(volume.Backlog[2].Slice));
        Assert.Equal(["INC-990004"], await Refs(ReportSlice.Of(ReportSlice.Kinds.Cancelled)));
        Assert.Equal(["INC-990002"], await Refs(ReportSlice.Of(ReportSlice.Kinds.Reopened)));
        Assert.Equal(["INC-990001", "INC-990002", "INC-990003"], await Refs(ReportSlice.Of(ReportSlice.Kinds.Responded, "priority:P5")));
        foreach (var point in volume.CreatedResolved)
        {
            Assert.Equal(point.Created, (await Refs(point.CreatedSlice)).Length);
            Assert.Equal(point.Resolved, (await Refs(point.ResolvedSlice)).Length);
        }
    }

    [Fact]
    public async Task Reporters_cannot_read_reports_and_agents_cannot_read_people()
    {
        var filter = await FixtureAsync();
        await Assert.ThrowsAsync<UnauthorizedAccessException>(async () => await Reports.VolumeAsync(await host.ActorAsync(DemoEmails.Reporter), filter));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(async () => await Reports.PeopleAsync(await host.ActorAsync(DemoEmails.Agent), filter));
        Assert.NotNull(await Reports.PeopleAsync(await host.ActorAsync(DemoEmails.Manager), filter));
    }
}

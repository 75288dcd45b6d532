using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Reports;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Features.Reports;

/// <summary>
/// Speed in business time, by hand. All five incidents are P5, so on the Office hours calendar (Mon–Fri 09:00–17:00
/// Europe/London). Range 12–30 Oct 2026 read in London; British Summer Time ends Sun 25 Oct (BST = UTC+1 before,
/// GMT = UTC after). Times below are UTC, local time in brackets.
/// R1 reported Fri 16 Oct 15:00 (16:00 BST), taken Mon 19 Oct 09:00 (10:00), resolved 10:00 (11:00).
///    MTTA 66 h = 3960 min; business: Fri 16–17 + Mon 09–10 = 120 min. MTTR 67 h = 4020 min; business 1 h + Mon 09–11 = 180 min.
/// R2 reported Fri 23 Oct 08:00 (09:00 BST), taken Mon 26 Oct 09:30 (09:30 GMT), still open: across the DST change.
///    MTTA 73.5 h = 4410 min; business: Fri 09–17 + Mon 09:00–09:30 = 510 min (an hour off, 570, if Monday were read as BST).
/// R3 reported Tue 20 Oct 08:00 (09:00), taken 09:00, On hold awaiting the user 10:00–13:00 (pauses), resolved 15:00 (16:00).
///    MTTA 60 / 60 min. MTTR 7 h = 420 min; business 420 − 180 paused = 240 min.
/// R4 reported Wed 21 Oct 08:00, taken 08:30, On hold awaiting a change 09:00–11:00 (does not pause), resolved 13:00.
///    MTTA 30 / 30 min. MTTR 5 h = 300 / 300 min.
/// R5 reported Thu 22 Oct 08:00, taken 09:30, resolved 11:00 (12:00), reopened 14:00 (15:00), resolved 15:30 (16:30).
///    MTTA 90 / 90 min. MTTR 7.5 h = 450 min; business 09–12 + 15:00–16:30 = 270 min (time spent resolved not counted).
/// MTTA, n = 5 (odd): calendar 30, 60, 90, 3960, 4410 → median rank ⌈2.5⌉ = 3: 90, p90 rank ⌈4.5⌉ = 5: 4410;
///    business 30, 60, 90, 120, 510 → median 90, p90 510.
/// MTTR, n = 4 (even): calendar 300, 420, 450, 4020 → median rank ⌈2⌉ = 2: 420 (not the mean of the middle two), p90 rank ⌈3.6⌉ = 4: 4020;
///    business 180, 240, 270, 300 → median 240, p90 300.
/// </summary>
public sealed class ReportBusinessTimeTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    private static DateTime Z(int day, int hour, int minute = 0) => new(2026, 10, day, hour, minute, 0, DateTimeKind.Utc);

    private ReportsService Reports => host.Services.GetRequiredService<ReportsService>();

    private async Task<ReportFilter> FixtureAsync()
    {
        var (s, fresh) = await ReportScenario.OnServiceAsync(host, "Reports business-time fixture");
        var filter = new ReportFilter { From = new(2026, 10, 12), To = new(2026, 10, 30), TimeZoneId = "Europe/London", ServiceId = s.ServiceId };
        if (!fresh) return filter;
        var r1 = s.Taken(991_001, Z(16, 15), Z(19, 9));
        s.Resolve(r1, Z(19, 10));
        var r2 = s.Taken(991_002, Z(23, 8), Z(26, 9, 30));
        var r3 = s.Taken(991_003, Z(20, 8), Z(20, 9));
        r3.PutOnHold(s.By(Z(20, 10)), OnHoldReason.AwaitingUser);
        r3.StartWork(s.By(Z(20, 13)));
        s.Resolve(r3, Z(20, 15));
        var r4 = s.Taken(991_004, Z(21, 8), Z(21, 8, 30));
        r4.PutOnHold(s.By(Z(21, 9)), OnHoldReason.AwaitingChange);
        r4.StartWork(s.By(Z(21, 11)));
        s.Resolve(r4, Z(21, 13));
        var r5 = s.Taken(991_005, Z(22, 8), Z(22, 9, 30));
        s.Resolve(r5, Z(22, 11));
        r5.Reopen(s.By(Z(22, 14), isAgent: false), "Still broken");
        s.Resolve(r5, Z(22, 15, 30));
        await s.SaveAsync(r1, r2, r3, r4, r5);
        return filter;
    }

    private async Task<SpeedReport> SpeedAsync(ReportFilter filter) => await Reports.SpeedAsync(await host.ActorAsync(DemoEmails.Manager), filter);

    [Fact]
    public async Task Business_MTTA_counts_only_calendar_hours_over_a_weekend_and_across_the_DST_change()
    {
        var speed = await SpeedAsync(await FixtureAsync());
        double? Figure(string key) => speed.Headline.Single(h => h.Key == key).Value;

        Assert.Equal((90, 4410), (Figure("mtta-median"), Figure("mtta-p90")));
        Assert.Equal((90, 510), (Figure("mtta-business-median"), Figure("mtta-business-p90")));
        var p5 = Assert.Single(speed.ByPriority);
        Assert.Equal(("priority:P5", 5, 5), (p5.Key, p5.Response.Count, p5.ResponseBusiness.Count));
    }

    [Fact]
    public async Task Business_MTTR_leaves_out_a_pausing_hold_and_time_resolved_before_a_reopen_and_takes_nearest_rank_of_an_even_count()
    {
        var speed = await SpeedAsync(await FixtureAsync());
        double? Figure(string key) => speed.Headline.Single(h => h.Key == key).Value;

        Assert.Equal((420, 4020), (Figure("mttr-median"), Figure("mttr-p90")));
        Assert.Equal((240, 300), (Figure("mttr-business-median"), Figure("mttr-business-p90")));
        Assert.Equal((0, 1), (Figure("cancelled"), Figure("reopened")));
        var p5 = Assert.Single(speed.ByPriority);
        Assert.Equal((4, TimeSpan.FromMinutes(240), TimeSpan.FromMinutes(300)),
            (p5.ResolutionBusiness.Count, p5.ResolutionBusiness.Median, p5.ResolutionBusiness.P90));
    }

    [Fact]
    public async Task The_speed_slices_list_the_incidents_measured()
    {
        var filter = await FixtureAsync();
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var speed = await Reports.SpeedAsync(manager, filter);
        async Task<string[]> Refs(ReportSlice slice) =>
            [.. (await Reports.IncidentRowsAsync(manager, filter, slice)).Select(r => r.Reference).Order()];

        Assert.Equal(["INC-991001", "INC-991002", "INC-991003", "INC-991004", "INC-991005"], await Refs(speed.Headline.Single(h => h.Key == "mtta-business-median").Slice!));
        Assert.Equal(["INC-991001", "INC-991003", "INC-991004", "INC-991005"], await Refs(speed.Headline.Single(h => h.Key == "mttr-business-median").Slice!));
        Assert.Equal(["INC-991005"], await Refs(ReportSlice.Of(ReportSlice.Kinds.Reopened)));
        var p5 = Assert.Single(speed.ByPriority);
        Assert.Equal(p5.Response.Count, (await Refs(p5.ResponseSlice)).Length);
        Assert.Equal(p5.Resolution.Count, (await Refs(p5.ResolutionSlice)).Length);
    }
}

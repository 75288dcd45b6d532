using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Reports;
using IncidentPortal.Features.Sla;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Features.Reports;

/// <summary>
/// SLA compliance and breaches by hand. Range Mon 2 – Sun 8 Nov 2026 in London (GMT, so local = UTC); the report runs at
/// the host's clock, Mon 23 Nov 09:00. Default policy "Standard": P2 30 min / 8 h around the clock, P3 2 h / 16 h on
/// Office hours (Mon–Fri 09–17). R = response, X = resolution; M met, B breached.
/// S0 P2 Desk: reported Sun 1 Nov 23:00, taken 23:50 (R B), resolved 23:55 (X M): both stopped before the range (previous period).
/// S1 P3 Desk: Mon 2 Nov 09:00, taken 10:00 (R M 1 h), resolved 15:00 (X M 6 h).
/// S2 P3 Desk: Mon 2 Nov 09:00, taken 12:00 (R B 3 h, due 11:00), resolved Wed 4 Nov 12:00 (X B 8+8+3 = 19 h, due Tue 3 Nov 17:00).
/// S3 P2 Network: Wed 4 Nov 10:00, taken 10:30 (R M: exactly on target), resolved 20:00 (X B 10 h, due 18:00).
/// S4 P2 Desk: Thu 5 Nov 10:00, taken 10:20 (R M), still in progress: X running past its due time Thu 5 Nov 18:00 → a breach, not a verdict.
/// S5 P2 Desk: Fri 6 Nov 09:00, taken 09:20 (R M), cancelled 10:00: X cancelled without a verdict (1 h of 8).
/// S6 P2 Desk: Sun 8 Nov 23:00, taken Mon 9 Nov 00:05 (R B, due 23:30 inside, but stopped just after the range): not counted.
/// S7 P2 Desk: Sat 7 Nov 10:00, never answered, cancelled 11:00: R B (1 h of 30 min, due 10:30); X cancelled, not counted.
/// S8 P2 Desk: Fri 6 Nov 12:00, taken 12:10 (R M), On hold awaiting the user from 21:00: X paused after passing its due 20:00 → a breach.
/// Response: met S1 S3 S4 S5 S8, breached S2 S7 → 5/7 = 71.4 %. Resolution: met S1, breached S2 S3 → 1/3 = 33.3 %.
/// P2: R 4/5 = 80 %, X 0/1 = 0 %. P3: R 1/2 = 50 %, X 1/2 = 50 %. Desk: R 4/5 = 80 %, X 1/2 = 50 %. Network: R 1/1, X 0/1. No team (S7): R 0/1.
/// Previous period (26 Oct – 1 Nov): S0 only, R 0/1 = 0 %, X 1/1 = 100 %.
/// Breaches, latest first: S7 R, S8 X, S4 X, S3 X, S2 X, S2 R.
/// </summary>
public sealed class ReportSlaTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    private static DateTime Z(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, DateTimeKind.Utc);

    private ReportsService Reports => host.Services.GetRequiredService<ReportsService>();

    private async Task<(ReportFilter Filter, ReportScenario Scenario)> FixtureAsync()
    {
        var (s, fresh) = await ReportScenario.OnServiceAsync(host, "Reports SLA fixture");
        var filter = new ReportFilter { From = new(2026, 11, 2), To = new(2026, 11, 8), TimeZoneId = "Europe/London", ServiceId = s.ServiceId };
        if (!fresh) return (filter, s);
        const Impact high = Impact.High, medium = Impact.Medium;
        Incident P2(int n, DateTime at, DateTime taken) => s.Taken(n, at, taken, impact: high, urgency: Urgency.Medium);
        var s0 = P2(993_000, Z(1, 23), Z(1, 23, 50));
        s.Resolve(s0, Z(1, 23, 55));
        var s1 = s.Taken(993_001, Z(2, 9), Z(2, 10), impact: medium, urgency: Urgency.Medium);
        s.Resolve(s1, Z(2, 15));
        var s2 = s.Taken(993_002, Z(2, 9), Z(2, 12), impact: medium, urgency: Urgency.Medium);
        s.Resolve(s2, Z(4, 12));
        var s3 = s.Taken(993_003, Z(4, 10), Z(4, 10, 30), s.Network, impact: high, urgency: Urgency.Medium);
        s.Resolve(s3, Z(4, 20));
        var s4 = P2(993_004, Z(5, 10), Z(5, 10, 20));
        var s5 = P2(993_005, Z(6, 9), Z(6, 9, 20));
        s5.Cancel(s.By(Z(6, 10)), "Raised twice");
        var s6 = P2(993_006, Z(8, 23), Z(9, 0, 5));
        var s7 = s.New(993_007, Z(7, 10), high, Urgency.Medium);
        s7.Cancel(s.By(Z(7, 11), isAgent: false), "Sorted itself out");
        var s8 = P2(993_008, Z(6, 12), Z(6, 12, 10));
        s8.PutOnHold(s.By(Z(6, 21)), OnHoldReason.AwaitingUser);
        await s.SaveAsync(s0, s1, s2, s3, s4, s5, s6, s7, s8);
        return (filter, s);
    }

    [Fact]
    public async Task Compliance_counts_verdicts_stopped_in_the_range_by_priority_and_team()
    {
        var (filter, s) = await FixtureAsync();
        var sla = await Reports.SlaAsync(s.Manager, filter);
        ReportFigure Figure(string key) => sla.Headline.Single(h => h.Key == key);

        Assert.Equal((71.4, 0.0), (Figure("sla-response").Value, Figure("sla-response").Previous));
        Assert.Equal((33.3, 100.0), (Figure("sla-resolution").Value, Figure("sla-resolution").Previous));
        Assert.Equal(6, Figure("sla-breaches").Value);
        (int, int, int, int) Counts(SlaRow row) => (row.Response.Met, row.Response.Breached, row.Resolution.Met, row.Resolution.Breached);
        Assert.Equal(["priority:P2", "priority:P3"], sla.ByPriority.Select(r => r.Key));
        Assert.Equal((4, 1, 0, 1), Counts(sla.ByPriority[0]));
        Assert.Equal((1, 1, 1, 1), Counts(sla.ByPriority[1]));
        Assert.Equal((80.0, 0.0), (sla.ByPriority[0].Response.Percent, sla.ByPriority[0].Resolution.Percent));
        Assert.Equal(["Network", "No team", "Service Desk"], sla.ByTeam.Select(r => r.Label));
        Assert.Equal((1, 0, 0, 1), Counts(sla.ByTeam[0]));
        Assert.Equal((0, 1, 0, 0), Counts(sla.ByTeam[1]));
        Assert.Equal((4, 1, 1, 1), Counts(sla.ByTeam[2]));
        Assert.Equal((80.0, 50.0), (sla.ByTeam[2].Response.Percent, sla.ByTeam[2].Resolution.Percent));
    }

    [Fact]
    public async Task Breaches_list_stopped_running_and_paused_clocks_past_their_due_time_with_the_clock_s_reason()
    {
        var (filter, s) = await FixtureAsync();
        var sla = await Reports.SlaAsync(s.Manager, filter);

        Assert.Equal(6, sla.BreachesTotal);
        Assert.Equal([("INC-993007", SlaClockKind.Response), ("INC-993008", SlaClockKind.Resolution), ("INC-993004", SlaClockKind.Resolution),
            ("INC-993003", SlaClockKind.Resolution), ("INC-993002", SlaClockKind.Resolution), ("INC-993002", SlaClockKind.Response)],
            sla.Breaches.Select(b => (b.Reference, b.Clock)));
        Assert.Equal([
            "Response target 30 min exceeded: 1 h of business time counted, due Sat 7 Nov 2026, 10:30 UTC (Standard)",
            "Resolution target 8 h exceeded, due Fri 6 Nov 2026, 20:00 UTC; now paused (Awaiting user) (Standard)",
            "Resolution target 8 h exceeded, due Thu 5 Nov 2026, 18:00 UTC; clock still running (Standard)",
            "Resolution target 8 h exceeded: 10 h of business time counted, due Wed 4 Nov 2026, 18:00 UTC (Standard)",
            "Resolution target 16 h exceeded: 19 h of business time counted, due Tue 3 Nov 2026, 17:00 UTC (Standard)",
            "Response target 2 h exceeded: 3 h of business time counted, due Mon 2 Nov 2026, 11:00 UTC (Standard)",
        ], sla.Breaches.Select(b => b.Reason));
        Assert.Equal(("Network", Priority.P2), (sla.Breaches[3].Team, sla.Breaches[3].Priority));
    }

    [Fact]
    public async Task The_SLA_slices_list_exactly_the_incidents_behind_each_figure()
    {
        var (filter, s) = await FixtureAsync();
        var sla = await Reports.SlaAsync(s.Manager, filter);
        async Task<string[]> Refs(ReportSlice slice) =>
            [.. (await Reports.IncidentRowsAsync(s.Manager, filter, slice)).Select(r => r.Reference.Replace("INC-99300", "S")).Order()];

        Assert.Equal(["S1", "S2", "S3", "S4", "S5", "S7", "S8"], await Refs(sla.Headline.Single(h => h.Key == "sla-response").Slice!));
        Assert.Equal(["S1", "S2", "S3"], await Refs(sla.Headline.Single(h => h.Key == "sla-resolution").Slice!));
        Assert.Equal(["S2", "S7"], await Refs(ReportSlice.Of(ReportSlice.Kinds.SlaBreach, "response")));
        Assert.Equal(["S2", "S3", "S4", "S8"], await Refs(ReportSlice.Of(ReportSlice.Kinds.SlaBreach, "resolution")));
        Assert.Equal(["S1", "S2"], await Refs(sla.ByPriority[1].Response.MeasuredSlice));
        Assert.Equal(["S3"], await Refs(sla.ByTeam[0].Resolution.BreachedSlice));
        // A row's breached slice lists its breached verdicts only: P2's resolution row counts S3, not the running S4 and S8.
        Assert.Equal(["S3"], await Refs(sla.ByPriority[0].Resolution.BreachedSlice));
        foreach (var c in sla.ByPriority.Concat(sla.ByTeam).SelectMany(r => new[] { r.Response, r.Resolution }))
            Assert.Equal((c.Measured, c.Breached), ((await Refs(c.MeasuredSlice)).Length, (await Refs(c.BreachedSlice)).Length));
    }
}

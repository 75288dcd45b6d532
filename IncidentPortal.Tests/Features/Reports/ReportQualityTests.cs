using IncidentPortal.Features.ActionItems;
using IncidentPortal.Features.Alerts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Integrations;
using IncidentPortal.Features.MajorIncidents;
using IncidentPortal.Features.Reports;
using IncidentPortal.Features.Reviews;
using IncidentPortal.Features.StatusPage;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Features.Reports;

/// <summary>
/// Quality by hand. Range Mon 2 – Sun 8 Nov 2026 in London (GMT: local = UTC); the report runs Mon 23 Nov 09:00.
/// Resolved in the range (5): Q1 taken by Alex and resolved (first contact). Q2 to the Desk, moved to Network, back to the
/// Desk and then Alex (2 reassignments: the team twice; Alex replaced no one). Q3 resolved, reopened, resolved again.
/// Q4 taken by Alex, handed to Morgan (1 reassignment). Q5 to the Desk, then Alex (first contact: no one replaced).
/// Not resolved in the range: Q6 (moved to Network, resolved Mon 9 Nov), Q7 (cancelled), Q8 (reported and resolved in October).
/// Reopen rate 1/5 = 20 %; first contact Q1 Q5 = 2/5 = 40 %; reassignments 3/5 = 0.6.
/// Outage of the service's component: major 1 Nov 23:00–2 Nov 01:00 (60 min inside), partial 4 Nov 10:00–10:30 (30),
/// degraded 5 Nov 10:00–12:00 (not an outage), major from 8 Nov 23:30 still going (30 up to the range's end) = 120 min.
/// Alerts first seen in the range: "disk" on Q1 fired 3 times (flapping); "cpu" on Q1 fired once, then acknowledged and
/// resolved (3 occurrences, 1 firing: not flapping); "ping" on Q3 fired, resolved, fired, resolved, fired (3 alerts, 3
/// firings: flapping); "old" on Q8 first seen in October. 5 alerts ÷ 2 incidents = 2.5.
/// Majors declared in the range: Q1 (review published), Q3 (review still a draft); Q8's in October is not counted → 2, 1 reviewed.
/// Action items due in the range: due 2 Nov done 2 Nov, due 3 Nov done 3 Nov 16:00, due 8 Nov done 8 Nov 23:59 (on time: 3);
/// due 3 Nov done 4 Nov, due 5 Nov still open (late: 2); due 6 Nov won't do (neither). Due 1 Nov and 9 Nov: outside.
/// For 17–23 Nov (today): due 20 Nov still open is late; due 23 Nov still open is not late yet.
/// </summary>
public sealed class ReportQualityTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    private static DateTime Z(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    private ReportsService Reports => host.Services.GetRequiredService<ReportsService>();

    private async Task<(ReportFilter Filter, ReportScenario Scenario)> FixtureAsync()
    {
        var (s, fresh) = await ReportScenario.OnServiceAsync(host, "Reports quality fixture");
        var filter = new ReportFilter { From = new(2026, 11, 2), To = new(2026, 11, 8), TimeZoneId = "Europe/London", ServiceId = s.ServiceId };
        if (!fresh) return (filter, s);
        var q1 = s.Taken(995_001, Z(11, 2, 9), Z(11, 2, 9, 10));
        s.Resolve(q1, Z(11, 2, 10));
        var q2 = s.New(995_002, Z(11, 2, 10));
        q2.Assign(s.By(Z(11, 2, 10, 5)), s.ServiceDesk, null);
        var q3 = s.Taken(995_003, Z(11, 3, 9), Z(11, 3, 9, 5));
        s.Resolve(q3, Z(11, 3, 10));
        q3.Reopen(s.By(Z(11, 3, 11), isAgent: false), "Still broken");
        s.Resolve(q3, Z(11, 3, 12));
        var q4 = s.Taken(995_004, Z(11, 3, 13), Z(11, 3, 13, 5));
        var q5 = s.New(995_005, Z(11, 4, 9));
        q5.Assign(s.By(Z(11, 4, 9, 10)), s.ServiceDesk, null);
        var q6 = s.Taken(995_006, Z(11, 4, 9), Z(11, 4, 9, 30));
        var q7 = s.Taken(995_007, Z(11, 5, 9), Z(11, 5, 9, 30));
        q7.Cancel(s.By(Z(11, 5, 10)), "Raised twice");
        var q8 = s.Taken(995_008, Z(10, 26, 9), Z(10, 26, 9, 30));
        s.Resolve(q8, Z(10, 30, 12));
        await s.SaveAsync(q1, q2, q3, q4, q5, q6, q7, q8);
        await s.ChangeAsync(995_002, i => i.Assign(s.By(Z(11, 2, 11)), s.Network, null));
        await s.ChangeAsync(995_002, i => { i.Assign(s.By(Z(11, 3, 9)), s.ServiceDesk, s.AgentName); i.StartWork(s.By(Z(11, 3, 9))); s.Resolve(i, Z(11, 3, 12)); });
        await s.ChangeAsync(995_004, i => { i.Assign(s.By(Z(11, 3, 14)), s.ServiceDesk, s.ManagerName); s.Resolve(i, Z(11, 4, 10)); });
        await s.ChangeAsync(995_005, i => { i.Assign(s.By(Z(11, 4, 9, 20)), s.ServiceDesk, s.AgentName); i.StartWork(s.By(Z(11, 4, 9, 20))); s.Resolve(i, Z(11, 4, 11)); });
        await s.ChangeAsync(995_006, i => { i.Assign(s.By(Z(11, 4, 12)), s.Network, null); s.Resolve(i, Z(11, 9, 10)); });
        await AroundAsync(s, q1.Id, q3.Id, q8.Id);
        return (filter, s);
    }

    /// <summary>Status-page history, alerts, majors with reviews and action items, as the comment above lists them.</summary>
    private async Task AroundAsync(ReportScenario s, int q1, int q3, int q8)
    {
        await using var db = await host.DbAsync();
        var component = db.StatusComponents.Add(StatusComponent.Create("Quality fixture component", null, null, 99, s.ServiceId, Z(10, 1, 0))).Entity;
        await db.SaveChangesAsync();
        ComponentStatusPeriod Period(ComponentStatus status, DateTime from, DateTime? to)
        {
            var period = ComponentStatusPeriod.Begin(component.Id, status, from, "Fixture");
            if (to is { } end) period.End(end);
            return period;
        }
        db.ComponentStatusPeriods.AddRange(Period(ComponentStatus.MajorOutage, Z(11, 1, 23), Z(11, 2, 1)),
            Period(ComponentStatus.PartialOutage, Z(11, 4, 10), Z(11, 4, 10, 30)),
            Period(ComponentStatus.DegradedPerformance, Z(11, 5, 10), Z(11, 5, 12)), Period(ComponentStatus.MajorOutage, Z(11, 8, 23, 30), null));

        var integration = await db.AlertIntegrations.Select(i => i.Id).FirstAsync();
        static AlertSignal Signal(string key) => new(SignalAction.Trigger, key, $"Fixture {key}", AlertSeverity.Error, null, null, null, null,
            "{}", "{}", null, null, $"Fixture {key}", "");
        Alert Fired(string key, int incident, params DateTime[] at)
        {
            var alert = Alert.Open(integration, key, Signal(key), at[0], incident);
            foreach (var again in at.Skip(1)) alert.Repeat(Signal(key), again);
            return alert;
        }
        var cpu = Fired("cpu", q1, Z(11, 2, 9));
        cpu.Acknowledge(Signal("cpu"), Z(11, 2, 9, 10));
        cpu.Resolve(Signal("cpu"), Z(11, 2, 9, 20));
        var (ping1, ping2) = (Fired("ping", q3, Z(11, 3, 9)), Fired("ping", q3, Z(11, 3, 9, 30)));
        ping1.Resolve(Signal("ping"), Z(11, 3, 9, 1));
        ping2.Resolve(Signal("ping"), Z(11, 3, 9, 31));
        db.Alerts.AddRange(Fired("disk", q1, Z(11, 2, 9), Z(11, 2, 9, 5), Z(11, 2, 9, 10)), cpu, ping1, ping2,
            Fired("ping", q3, Z(11, 3, 10)), Fired("old", q8, Z(10, 30, 9)));

        ResponseActor Manager(DateTime at) => new(s.Manager.UserId, s.Manager.Name, at);
        db.MajorIncidents.AddRange(MajorIncident.Declare(q1, Manager(Z(11, 2, 9, 30)), Severity.Sev2, Manager(Z(11, 2, 9, 30)), null),
            MajorIncident.Declare(q3, Manager(Z(11, 3, 9, 30)), Severity.Sev2, Manager(Z(11, 3, 9, 30)), null),
            MajorIncident.Declare(q8, Manager(Z(10, 26, 9, 30)), Severity.Sev2, Manager(Z(10, 26, 9, 30)), null));
        IncidentReview Review(int incident, DateTime at, bool publish)
        {
            var review = IncidentReview.Start(incident, [new SectionDraft("summary", "Summary", "What happened?", "It broke.")], s.By(at));
            if (!publish) return review;
            review.SubmitForReview([s.Manager.UserId], s.By(at));
            review.Publish(false, s.By(at.AddHours(1)));
            return review;
        }
        db.IncidentReviews.AddRange(Review(q1, Z(11, 3, 9), publish: true), Review(q3, Z(11, 4, 9), publish: false), Review(q8, Z(10, 28, 9), publish: true));

        var team = new ActionItemTeam(s.ServiceDesk.Id, s.ServiceDesk.Name, [s.Agent.UserId]);
        ActionItem Item(int day, ActionItemStatus? to = null, DateTime? at = null)
        {
            var item = ActionItem.Create(q1, null, new ActionItemInput($"Follow-up due {day}", team.Id, s.Agent.UserId, Z(11, 1, 0).AddDays(day - 1),
                ActionItemPriority.Medium, ActionItemType.Prevent), team, s.Agent.UserId, Z(10, 30, 9));
            if (to is { } status) item.MoveTo(status, at!.Value);
            return item;
        }
        db.ActionItems.AddRange(Item(2, ActionItemStatus.Done, Z(11, 2, 10)), Item(3, ActionItemStatus.Done, Z(11, 3, 16)),
            Item(8, ActionItemStatus.Done, Z(11, 8, 23, 59)), Item(3, ActionItemStatus.Done, Z(11, 4, 9)), Item(5),
            Item(6, ActionItemStatus.WontDo, Z(11, 6, 9)), Item(1, ActionItemStatus.Done, Z(11, 2, 9)), Item(9), Item(20), Item(23));
        await db.SaveChangesAsync();
    }

    private static double? Figure(QualityReport quality, string key) => quality.Headline.Single(h => h.Key == key).Value;

    [Fact]
    public async Task Reopen_rate_first_contact_and_reassignments_are_over_the_incidents_resolved_in_the_range()
    {
        var (filter, s) = await FixtureAsync();
        var quality = await Reports.QualityAsync(s.Manager, filter);

        Assert.Equal((20.0, 40.0, 0.6), (Figure(quality, "reopened"), Figure(quality, "first-contact"), Figure(quality, "reassignments")));
    }

    [Fact]
    public async Task The_next_week_compares_with_these_figures_as_its_previous_period()
    {
        var (filter, s) = await FixtureAsync();
        var nextWeek = filter with { From = filter.From.AddDays(7), To = filter.To.AddDays(7) };
        var quality = await Reports.QualityAsync(s.Manager, nextWeek);

        double? Previous(string key) => quality.Headline.Single(h => h.Key == key).Previous;
        Assert.Equal((20.0, 40.0, 0.6, 2.5), (Previous("reopened"), Previous("first-contact"), Previous("reassignments"), Previous("alert-noise")));
        Assert.Equal((2.0, 1.0), (Previous("major"), Previous("major-reviewed")));
    }

    [Fact]
    public async Task Outage_minutes_are_clipped_to_the_range_and_alerts_flap_when_they_fire_three_times()
    {
        var (filter, s) = await FixtureAsync();
        var quality = await Reports.QualityAsync(s.Manager, filter);

        var service = Assert.Single(quality.TopServices);
        Assert.Equal((7, 120.0), (service.Incidents, service.OutageMinutes));
        Assert.Equal(2.5, Figure(quality, "alert-noise"));
        Assert.Equal([("disk", 3, 1), ("ping", 3, 1)], quality.FlappingAlerts.OrderBy(f => f.DedupKey).Select(f => (f.DedupKey, f.Firings, f.Incidents)));
    }

    [Fact]
    public async Task Majors_count_published_reviews_and_action_items_due_in_the_range_are_on_time_or_late_in_any_zone()
    {
        var (filter, s) = await FixtureAsync();
        foreach (var zone in new[] { "Europe/London", "America/New_York", "Pacific/Auckland" })
        {
            var quality = await Reports.QualityAsync(s.Manager, filter with { TimeZoneId = zone });
            Assert.Equal((2.0, 1.0), (Figure(quality, "major"), Figure(quality, "major-reviewed")));
            Assert.Equal((3.0, 2.0), (Figure(quality, "action-items"), Figure(quality, "action-items-late")));
        }
    }

    [Fact]
    public async Task An_action_item_due_today_and_still_open_is_not_late_yet()
    {
        var (filter, s) = await FixtureAsync();
        var quality = await Reports.QualityAsync(s.Manager, filter with { From = new(2026, 11, 17), To = new(2026, 11, 23) });

        Assert.Equal((0.0, 1.0), (Figure(quality, "action-items"), Figure(quality, "action-items-late")));
    }

    [Fact]
    public async Task The_quality_slices_list_exactly_the_incidents_counted()
    {
        var (filter, s) = await FixtureAsync();
        async Task<string[]> Refs(string kind, string key = ReportSlice.AllKey) =>
            [.. (await Reports.IncidentRowsAsync(s.Manager, filter, ReportSlice.Of(kind, key))).Select(r => r.Reference.Replace("INC-99500", "Q")).Order()];

        Assert.Equal(["Q3"], await Refs(ReportSlice.Kinds.Reopened));
        Assert.Equal(["Q1", "Q5"], await Refs(ReportSlice.Kinds.FirstContact));
        Assert.Equal(["Q2", "Q4"], await Refs(ReportSlice.Kinds.Reassigned));
        Assert.Equal(["Q1", "Q3"], await Refs(ReportSlice.Kinds.Alert));
        Assert.Equal(["Q1", "Q3"], await Refs(ReportSlice.Kinds.Alert, "flapping"));
        Assert.Equal(["Q1", "Q3"], await Refs(ReportSlice.Kinds.Major));
        Assert.Equal(["Q1"], await Refs(ReportSlice.Kinds.Major, "reviewed"));
    }
}

using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Features.Reports;
using IncidentPortal.Features.Sla;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Features.Reports;

/// <summary>
/// Incidents across the range boundary, and the People figures, by hand. Range Mon 2 – Sun 8 Nov 2026 in London (GMT:
/// local = UTC, so the range is 2 Nov 00:00 to 9 Nov 00:00). All P5 on Office hours (Mon–Fri 09–17); "taken" = assigned and worked on.
/// X1 reported Fri 30 Oct 16:00 (before), taken by Alex Mon 2 Nov 09:00, resolved 11:00 (inside).
///    MTTA 65 h = 3900 min, business Fri 16–17 = 60 min; MTTR 67 h = 4020 min, business 60 + Mon 09–11 = 180 min.
/// X2 reported Fri 6 Nov 16:00 (inside), taken by Alex 16:30 (MTTA 30 / 30 min), resolved Mon 9 Nov 10:00 (after).
/// X3 reported Thu 29 Oct 10:00, taken by Morgan (Network) 10:30, resolved Mon 9 Nov 09:30: open all through the range.
/// X4 reported Mon 26 Oct, taken by Alex, resolved Fri 30 Oct: before the range. X5 reported Mon 9 Nov 08:00: after it.
/// X6 reported Wed 28 Oct 09:00, taken by Alex, cancelled Wed 4 Nov 10:00 (inside).
/// Created 1 (X2); previous period 26 Oct – 1 Nov: X4, X6, X3, X1 = 4. Resolved 1 (X1). Cancelled 1 (X6).
/// Backlog: open at the start X1 X3 X6 = 3; end of 2 Nov 2 (X1 resolved), 3rd 2, 4th 1 (X6 cancelled), 5th 1, 6th 2 (X2), 7th 2, 8th 2.
/// MTTA, n = 2: calendar 30, 3900 → median rank 1: 30, p90 rank 2: 3900; business 30, 60. MTTR, n = 1: 4020 / 180.
/// Load (assigned, open at some time in the range): Alex X1 X2 X6 = 3, resolved 1 (X1); Morgan X3 = 1, resolved 0.
/// Pages: the Service Desk uses Office hours in the escalation matrix, Network no calendar. Alex: X2 Fri 6 Nov 16:45 (open),
/// X2 17:00 (closed: closing time), X2 Sat 7 Nov 10:00, X1 Mon 2 Nov 08:59 → 4 pages, 3 off-hours; a comment notification
/// Sat and a page Mon 9 Nov 02:00 (after the range) are not counted. Morgan: X3 Sun 8 Nov 03:00 → 1 page, none off-hours.
/// </summary>
public sealed class ReportBoundaryTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    private static DateTime Z(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    private ReportsService Reports => host.Services.GetRequiredService<ReportsService>();

    private async Task<(ReportFilter Filter, ReportScenario Scenario)> FixtureAsync()
    {
        var (s, fresh) = await ReportScenario.OnServiceAsync(host, "Reports boundary fixture");
        var filter = new ReportFilter { From = new(2026, 11, 2), To = new(2026, 11, 8), TimeZoneId = "Europe/London", ServiceId = s.ServiceId };
        if (!fresh) return (filter, s);
        var x1 = s.Taken(994_001, Z(10, 30, 16), Z(11, 2, 9));
        s.Resolve(x1, Z(11, 2, 11));
        var x2 = s.Taken(994_002, Z(11, 6, 16), Z(11, 6, 16, 30));
        s.Resolve(x2, Z(11, 9, 10));
        var x3 = s.Taken(994_003, Z(10, 29, 10), Z(10, 29, 10, 30), s.Network, s.ManagerName);
        s.Resolve(x3, Z(11, 9, 9, 30));
        var x4 = s.Taken(994_004, Z(10, 26, 10), Z(10, 26, 10, 10));
        s.Resolve(x4, Z(10, 30, 12));
        var x5 = s.Taken(994_005, Z(11, 9, 8), Z(11, 9, 8, 10));
        var x6 = s.Taken(994_006, Z(10, 28, 9), Z(10, 28, 9, 30));
        x6.Cancel(s.By(Z(11, 4, 10)), "Duplicate call");
        await s.SaveAsync(x1, x2, x3, x4, x5, x6);

        await using var db = await host.DbAsync();
        var office = await db.BusinessCalendars.SingleAsync(c => c.Name == SlaDefaults.OfficeHoursName);
        var desk = await db.TeamEscalations.SingleAsync(t => t.TeamId == s.ServiceDesk.Id);
        desk.CalendarId = office.Id;
        Assert.False(await db.TeamEscalations.AnyAsync(t => t.TeamId == s.Network.Id && t.CalendarId != null));
        Notification Page(string user, Incident incident, DateTime at, NotificationKind kind = NotificationKind.Escalation) =>
            Notification.For(user, new NotificationRequest(kind, "Paged", null, null, incident.Id), at);
        db.Notifications.AddRange(
            Page(s.Agent.UserId, x2, Z(11, 6, 16, 45)), Page(s.Agent.UserId, x2, Z(11, 6, 17)), Page(s.Agent.UserId, x2, Z(11, 7, 10)),
            Page(s.Agent.UserId, x1, Z(11, 2, 8, 59)), Page(s.Agent.UserId, x2, Z(11, 7, 11), NotificationKind.Comment),
            Page(s.Agent.UserId, x2, Z(11, 9, 2)), Page(s.Manager.UserId, x3, Z(11, 8, 3)));
        await db.SaveChangesAsync();
        return (filter, s);
    }

    [Fact]
    public async Task Volume_counts_incidents_reported_before_or_resolved_after_the_range_where_they_belong()
    {
        var (filter, s) = await FixtureAsync();
        var volume = await Reports.VolumeAsync(s.Manager, filter);
        ReportFigure Figure(string key) => volume.Headline.Single(h => h.Key == key);

        Assert.Equal([0, 0, 0, 0, 1, 0, 0], volume.CreatedResolved.Select(p => p.Created));
        Assert.Equal([1, 0, 0, 0, 0, 0, 0], volume.CreatedResolved.Select(p => p.Resolved));
        Assert.Equal([2, 2, 1, 1, 2, 2, 2], volume.Backlog.Select(p => p.Open));
        Assert.Equal((1, 4), (Figure("created").Value, Figure("created").Previous));
        Assert.Equal((2, 3), (Figure("backlog").Value, Figure("backlog").Previous));
    }

    [Fact]
    public async Task Speed_measures_an_incident_reported_before_the_range_and_leaves_one_resolved_after_it_out_of_MTTR()
    {
        var (filter, s) = await FixtureAsync();
        var speed = await Reports.SpeedAsync(s.Manager, filter);
        double? Figure(string key) => speed.Headline.Single(h => h.Key == key).Value;

        Assert.Equal((30, 3900, 30, 60), (Figure("mtta-median"), Figure("mtta-p90"), Figure("mtta-business-median"), Figure("mtta-business-p90")));
        Assert.Equal((4020, 4020, 180, 180), (Figure("mttr-median"), Figure("mttr-p90"), Figure("mttr-business-median"), Figure("mttr-business-p90")));
        Assert.Equal(1, Figure("cancelled"));
    }

    [Fact]
    public async Task People_counts_load_over_the_range_and_pages_outside_the_team_s_business_hours()
    {
        var (filter, s) = await FixtureAsync();
        var people = await Reports.PeopleAsync(s.Manager, filter);

        Assert.Equal([("Alex Agent", 3, 1, 4, 3), ("Morgan Manager", 1, 0, 1, 0)],
            people.People.Select(p => (p.Name, p.Load, p.Resolved, p.Pages, p.OffHoursPages)));
        Assert.Equal((4, 3), (people.Headline.Single(h => h.Key == "load").Value, people.Headline.Single(h => h.Key == "off-hours").Value));
    }

    [Fact]
    public async Task The_boundary_and_people_slices_list_exactly_the_incidents_counted()
    {
        var (filter, s) = await FixtureAsync();
        var people = await Reports.PeopleAsync(s.Manager, filter);
        var volume = await Reports.VolumeAsync(s.Manager, filter);
        async Task<string[]> Refs(ReportSlice slice) =>
            [.. (await Reports.IncidentRowsAsync(s.Manager, filter, slice)).Select(r => r.Reference.Replace("INC-99400", "X")).Order()];

        Assert.Equal(["X1", "X2"], await Refs(ReportSlice.Of(ReportSlice.Kinds.Responded)));
        Assert.Equal(["X1"], await Refs(ReportSlice.Of(ReportSlice.Kinds.Resolved)));
        Assert.Equal(["X6"], await Refs(ReportSlice.Of(ReportSlice.Kinds.Cancelled)));
        Assert.Equal(["X3", "X6"], await Refs(volume.Backlog[0].Slice));
        Assert.Equal(["X2", "X3"], await Refs(volume.Backlog[^1].Slice));
        Assert.Equal(["X1", "X2", "X6"], await Refs(people.People[0].LoadSlice));
        Assert.Equal(["X1", "X2"], await Refs(people.People[0].OffHoursSlice));
        Assert.Equal(["X3"], await Refs(people.People[1].LoadSlice));
        Assert.Empty(await Refs(people.People[1].OffHoursSlice));
        foreach (var (point, backlog) in volume.CreatedResolved.Zip(volume.Backlog))
            Assert.Equal((point.Created, point.Resolved, backlog.Open),
                ((await Refs(point.CreatedSlice)).Length, (await Refs(point.ResolvedSlice)).Length, (await Refs(backlog.Slice)).Length));
    }
}

using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Sla;
using IncidentPortal.Tests.Features.Incidents;
using static IncidentPortal.Tests.Features.Sla.Calendars;

namespace IncidentPortal.Tests.Features.Sla;

public class SlaClockCalculatorTests
{
    private static readonly BusinessCalendar Office = LondonOffice();
    private static readonly BusinessCalendar Always = BusinessCalendar.AlwaysOpen("24×7");
    // P2: 1h / 4h around the clock; P3: 2h / 8h office hours (as in the demo's default policy).
    private static readonly SlaPolicy Policy = SlaPolicy.Create("Default", null, [
        SlaTarget.For(Priority.P1, TimeSpan.FromMinutes(15), TimeSpan.FromHours(2), Always),
        SlaTarget.For(Priority.P2, TimeSpan.FromHours(1), TimeSpan.FromHours(4), Always),
        SlaTarget.For(Priority.P3, TimeSpan.FromHours(2), TimeSpan.FromHours(8), Office),
        SlaTarget.For(Priority.P4, TimeSpan.FromHours(4), TimeSpan.FromHours(24), Office),
        SlaTarget.For(Priority.P5, TimeSpan.FromHours(8), TimeSpan.FromHours(40), Office),
    ]);

    private static readonly DateTime Monday9 = Utc(2026, 11, 23, 9);

    private static SlaClockReading Clock(SlaClockKind kind, DateTime now, Priority priority = Priority.P3, DateTime? responded = null,
        params SlaStatusChange[] changes)
    {
        var target = Policy.TargetFor(priority);
        return SlaClockCalculator.Compute(kind, new SlaFacts(Monday9, responded, priority, changes), Policy, target, target.Calendar!, now);
    }

    private static SlaStatusChange Hold(int hour, OnHoldReason reason, int day = 23) => new(Utc(2026, 11, day, hour), IncidentStatus.OnHold, reason);
    private static SlaStatusChange To(IncidentStatus status, int hour, int day = 23, int minute = 0) => new(Utc(2026, 11, day, hour, minute), status, null);

    [Fact]
    public void A_running_clock_counts_business_time_and_knows_its_due_and_warning_times()
    {
        var clock = Clock(SlaClockKind.Resolution, Monday9.AddHours(1));
        Assert.Equal(SlaClockState.Running, clock.State);
        Assert.Equal(TimeSpan.FromHours(1), clock.Elapsed);
        Assert.Equal(TimeSpan.FromHours(7), clock.Remaining);
        Assert.Equal(Utc(2026, 11, 23, 17), clock.DueAt);
        Assert.Equal(Utc(2026, 11, 23, 15), clock.WarnAt);   // 75 % of 8h = 6h after 09:00
        Assert.Equal("London office", clock.CalendarName);
        Assert.True(clock.IsActive);
    }

    [Fact]
    public void Nights_and_weekends_do_not_count_on_office_hours()
    {
        // Reported Monday 09:00, looked at Tuesday 10:00: 8h on Monday counted, then 1h on Tuesday.
        var clock = Clock(SlaClockKind.Resolution, Utc(2026, 11, 24, 10));
        Assert.Equal(TimeSpan.FromHours(9), clock.Elapsed);
        Assert.Equal(SlaClockState.Breached, clock.State);
        Assert.Equal(Utc(2026, 11, 23, 17), clock.DueAt);
        // P2 is 24×7: four hours after reporting, whatever the day.
        Assert.Equal(Monday9.AddHours(4), Clock(SlaClockKind.Resolution, Monday9, Priority.P2).DueAt);
    }

    [Fact]
    public void Awaiting_user_pauses_the_clock_and_leaving_the_hold_resumes_it()
    {
        var paused = Clock(SlaClockKind.Resolution, Utc(2026, 11, 23, 12), changes: [To(IncidentStatus.Assigned, 9, minute: 30), Hold(10, OnHoldReason.AwaitingUser)]);
        Assert.Equal(SlaClockState.Paused, paused.State);
        Assert.Equal(OnHoldReason.AwaitingUser, paused.PausedFor);
        Assert.Equal(TimeSpan.FromHours(1), paused.Elapsed);
        Assert.Null(paused.DueAt);                       // nobody knows when it resumes
        Assert.Equal([SlaSegmentKind.Running, SlaSegmentKind.Paused], paused.Segments.Select(s => s.Kind));
        Assert.Equal("Awaiting user", paused.Segments[1].Reason);

        var resumed = Clock(SlaClockKind.Resolution, Utc(2026, 11, 23, 14),
            changes: [To(IncidentStatus.Assigned, 9, minute: 30), Hold(10, OnHoldReason.AwaitingUser), To(IncidentStatus.InProgress, 13)]);
        Assert.Equal(SlaClockState.Running, resumed.State);
        Assert.Equal(TimeSpan.FromHours(2), resumed.Elapsed);
        // 6h left at 14:00: three until 17:00, three more from Tuesday 09:00.
        Assert.Equal(Utc(2026, 11, 24, 12), resumed.DueAt);
        Assert.Equal(3, resumed.Segments.Count);
    }

    [Fact]
    public void Holds_the_policy_does_not_list_keep_the_clock_running()
    {
        var clock = Clock(SlaClockKind.Resolution, Utc(2026, 11, 23, 12), changes: [To(IncidentStatus.Assigned, 9), Hold(10, OnHoldReason.AwaitingChange)]);
        Assert.Equal(SlaClockState.Running, clock.State);
        Assert.Equal(TimeSpan.FromHours(3), clock.Elapsed);
        Assert.Equal(Utc(2026, 11, 23, 17), clock.DueAt);
    }

    [Fact]
    public void A_priority_change_recomputes_the_target_from_the_start()
    {
        var changes = new[] { To(IncidentStatus.Assigned, 9, minute: 10) };
        var asP3 = Clock(SlaClockKind.Resolution, Utc(2026, 11, 23, 10), Priority.P3, changes: changes);
        var asP2 = Clock(SlaClockKind.Resolution, Utc(2026, 11, 23, 10), Priority.P2, changes: changes);
        var asP4 = Clock(SlaClockKind.Resolution, Utc(2026, 11, 23, 10), Priority.P4, changes: changes);
        Assert.Equal(Utc(2026, 11, 23, 17), asP3.DueAt);
        Assert.Equal(Utc(2026, 11, 23, 13), asP2.DueAt);
        Assert.Equal(Utc(2026, 11, 25, 17), asP4.DueAt);   // 24 office hours: Mon, Tue, Wed
        Assert.Equal(TimeSpan.FromHours(1), asP2.Elapsed);
    }

    [Fact]
    public void The_response_clock_stops_at_the_first_response()
    {
        var met = Clock(SlaClockKind.Response, Utc(2026, 11, 23, 15), responded: Utc(2026, 11, 23, 9, 30), changes: To(IncidentStatus.Assigned, 9, minute: 30));
        Assert.Equal(SlaClockState.Met, met.State);
        Assert.Equal(TimeSpan.FromMinutes(30), met.Elapsed);
        Assert.Equal(Utc(2026, 11, 23, 9, 30), met.StoppedAt);
        Assert.False(met.IsActive);
        Assert.Null(met.DueAt);

        var late = Clock(SlaClockKind.Response, Utc(2026, 11, 23, 15), responded: Utc(2026, 11, 23, 12), changes: To(IncidentStatus.Assigned, 12));
        Assert.Equal(SlaClockState.Breached, late.State);
        Assert.Equal(Utc(2026, 11, 23, 11), late.DueAt);   // when it breached
        Assert.Equal(TimeSpan.FromHours(3), late.Elapsed);

        var waiting = Clock(SlaClockKind.Response, Utc(2026, 11, 23, 10));
        Assert.Equal(SlaClockState.Running, waiting.State);
        Assert.Equal(Utc(2026, 11, 23, 11), waiting.DueAt);
        Assert.Equal(Utc(2026, 11, 23, 10, 30), waiting.WarnAt);
    }

    [Fact]
    public void Resolving_stops_the_resolution_clock_and_a_reopen_resumes_it_without_counting_the_resolved_time()
    {
        var resolved = Clock(SlaClockKind.Resolution, Utc(2026, 11, 23, 16), changes:
            [To(IncidentStatus.Assigned, 9), To(IncidentStatus.Resolved, 12)]);
        Assert.Equal(SlaClockState.Met, resolved.State);
        Assert.Equal(TimeSpan.FromHours(3), resolved.Elapsed);
        Assert.Equal(Utc(2026, 11, 23, 12), resolved.StoppedAt);

        var reopened = Clock(SlaClockKind.Resolution, Utc(2026, 11, 23, 16), changes:
            [To(IncidentStatus.Assigned, 9), To(IncidentStatus.Resolved, 12), To(IncidentStatus.InProgress, 14)]);
        Assert.Equal(SlaClockState.Running, reopened.State);
        Assert.Equal(TimeSpan.FromHours(5), reopened.Elapsed);    // 09-12 and 14-16
        Assert.Equal(Utc(2026, 11, 24, 11), reopened.DueAt);      // 3h left at 16:00: one today, two tomorrow
        Assert.Equal([SlaSegmentKind.Running, SlaSegmentKind.Stopped, SlaSegmentKind.Running], reopened.Segments.Select(s => s.Kind));

        // The response clock is not restarted by a reopen.
        var response = Clock(SlaClockKind.Response, Utc(2026, 11, 23, 16), responded: Utc(2026, 11, 23, 9, 15), changes:
            [To(IncidentStatus.Assigned, 9, minute: 15), To(IncidentStatus.Resolved, 12), To(IncidentStatus.InProgress, 14)]);
        Assert.Equal(SlaClockState.Met, response.State);
    }

    [Fact]
    public void Cancelling_stops_without_a_verdict_unless_already_breached()
    {
        var cancelled = Clock(SlaClockKind.Resolution, Utc(2026, 11, 23, 12), changes: To(IncidentStatus.Cancelled, 10));
        Assert.Equal(SlaClockState.Cancelled, cancelled.State);
        Assert.False(cancelled.IsActive);
        var lateCancel = Clock(SlaClockKind.Response, Utc(2026, 11, 23, 16), changes: To(IncidentStatus.Cancelled, 15));
        Assert.Equal(SlaClockState.Breached, lateCancel.State);
    }

    [Fact]
    public void A_breached_clock_that_is_paused_still_reads_breached_and_keeps_its_breach_time()
    {
        var clock = Clock(SlaClockKind.Response, Utc(2026, 11, 23, 16), changes: [To(IncidentStatus.Assigned, 9), Hold(14, OnHoldReason.AwaitingVendor)]);
        Assert.Equal(SlaClockState.Paused, clock.State);
        Assert.True(clock.IsBreached);
        Assert.Equal(Utc(2026, 11, 23, 11), clock.DueAt);
        Assert.Equal(TimeSpan.FromHours(5), clock.Elapsed);
    }

    [Fact]
    public void Facts_are_read_from_the_activity_log_with_hold_reasons()
    {
        var incident = IncidentBuilder.New(Impact.Medium, Urgency.Medium);
        var agent = IncidentBuilder.Agent;
        incident.Assign(agent, new Named<int>(1, "Service Desk"), new Named<string>("agent-1", "Agent"));
        incident.StartWork(agent);
        incident.PutOnHold(agent with { At = agent.At.AddMinutes(5) }, OnHoldReason.AwaitingVendor);
        var facts = SlaFacts.From(incident, incident.Activities);
        Assert.Equal(IncidentStatus.OnHold, facts.Changes[^1].Status);
        Assert.Equal(OnHoldReason.AwaitingVendor, facts.Changes[^1].Reason);
        Assert.Equal(incident.FirstResponseAt, facts.FirstResponseAt);
        Assert.Equal(3, facts.Changes.Count);
    }
}

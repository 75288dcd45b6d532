using IncidentPortal.Features.MajorIncidents;
using Microsoft.Extensions.Time.Testing;

namespace IncidentPortal.Tests.Features.MajorIncidents;

public class CadenceAndSurgeTests
{
    private static readonly DateTime T0 = new(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);
    private static readonly MajorIncidentOptions Options = new();

    private static MajorIncident Declared(Severity severity, DateTime at) =>
        MajorIncident.Declare(1, new("m", "Morgan", at), severity, new("m", "Morgan", at), null);

    [Fact]
    public void A_sev1_update_is_due_30_minutes_after_the_declaration_then_after_each_update()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(T0));
        var major = Declared(Severity.Sev1, T0);

        clock.Advance(TimeSpan.FromMinutes(17) + TimeSpan.FromSeconds(20));
        var state = CommunicationCadence.At(major, Options, clock.GetUtcNow().UtcDateTime)!;
        Assert.Equal(T0.AddMinutes(30), state.DueAt);
        Assert.Equal(CadenceStage.OnTrack, state.Stage);
        Assert.Equal("12:40", CommunicationCadence.Countdown(state.Remaining));

        clock.Advance(TimeSpan.FromMinutes(13));
        Assert.Equal(CadenceStage.Due, CommunicationCadence.At(major, Options, clock.GetUtcNow().UtcDateTime)!.Stage);

        major.RecordCommunication(new("m", "Morgan", clock.GetUtcNow().UtcDateTime), "Investigating");
        var next = CommunicationCadence.At(major, Options, clock.GetUtcNow().UtcDateTime)!;
        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddMinutes(30), next.DueAt);
        Assert.Equal(CadenceStage.OnTrack, next.Stage);
    }

    [Fact]
    public void A_missed_update_escalates_after_the_grace_and_the_countdown_says_by_how_much()
    {
        var major = Declared(Severity.Sev2, T0);
        var due = T0.AddMinutes(60);
        Assert.Equal(CadenceStage.Due, CommunicationCadence.At(major, Options, due.AddMinutes(4))!.Stage);
        var overdue = CommunicationCadence.At(major, Options, due.AddMinutes(5).AddSeconds(10))!;
        Assert.Equal(CadenceStage.Overdue, overdue.Stage);
        Assert.Equal("overdue by 5:10", CommunicationCadence.Countdown(overdue.Remaining));
        Assert.Equal("1:05:00", CommunicationCadence.Countdown(TimeSpan.FromMinutes(65)));
    }

    [Fact]
    public void A_proposal_or_a_resolved_response_has_no_update_rhythm()
    {
        Assert.Null(CommunicationCadence.At(MajorIncident.Propose(1, new("a", "Alex", T0), "big"), Options, T0.AddHours(1)));
        var major = Declared(Severity.Sev1, T0);
        major.Resolve(new("m", "Morgan", T0.AddMinutes(20)), null);
        Assert.Null(CommunicationCadence.At(major, Options, T0.AddHours(1)));
    }

    private static RecentReport Report(int id, int service, int minutesAgo, DateTime now) =>
        new(id, service, service == 1 ? "VPN" : "Email", now.AddMinutes(-minutesAgo));

    [Fact]
    public void Five_reports_on_one_service_within_ten_minutes_are_a_surge_with_those_incidents()
    {
        var now = T0;
        var reports = new[]
        {
            Report(1, 1, 9, now), Report(2, 1, 7, now), Report(3, 1, 5, now), Report(4, 1, 2, now), Report(5, 1, 0, now),
            Report(6, 2, 1, now), Report(7, 2, 3, now),
        };
        var surge = Assert.Single(SurgeDetector.Find(reports, 5, TimeSpan.FromMinutes(10), now, new HashSet<int>()));
        Assert.Equal(1, surge.ServiceId);
        Assert.Equal([1, 2, 3, 4, 5], surge.IncidentIds);
        Assert.Equal("Possible major incident on VPN: 5 reports in 10 minutes", surge.Message(TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public void Reports_outside_the_window_do_not_count_and_a_service_with_a_running_major_incident_is_left_out()
    {
        var now = T0;
        var reports = new[] { Report(1, 1, 11, now), Report(2, 1, 10, now), Report(3, 1, 5, now), Report(4, 1, 2, now), Report(5, 1, 0, now) };
        // The reports 10 and 11 minutes old have left the window: three remain.
        Assert.Empty(SurgeDetector.Find(reports, 4, TimeSpan.FromMinutes(10), now, new HashSet<int>()));
        Assert.Equal([3, 4, 5], Assert.Single(SurgeDetector.Find(reports, 3, TimeSpan.FromMinutes(10), now, new HashSet<int>())).IncidentIds);
        Assert.Empty(SurgeDetector.Find(reports, 3, TimeSpan.FromMinutes(10), now, new HashSet<int> { 1 }));
    }

    [Fact]
    public void Measures_count_from_the_first_report_and_the_declaration()
    {
        var firstReport = T0.AddMinutes(-12);
        var major = Declared(Severity.Sev1, T0);
        major.Assign(new("m", "Morgan", T0.AddMinutes(1)), ResponseRole.Responder, new("d", "Dana", T0.AddMinutes(1)));
        major.RecordCommunication(new("m", "Morgan", T0.AddMinutes(8)), "Investigating");
        major.Mitigate(new("m", "Morgan", T0.AddMinutes(40)), null);
        major.Resolve(new("m", "Morgan", T0.AddMinutes(70)), null);

        var measures = MajorIncidentMeasures.Of(major, firstReport, linkedIncidents: 3, ["r1", "r2", "r1", "r3"]);
        Assert.Equal(TimeSpan.FromMinutes(12), measures.TimeToDeclare);
        Assert.Equal(TimeSpan.FromMinutes(8), measures.TimeToFirstCommunication);
        Assert.Equal(TimeSpan.FromMinutes(40), measures.TimeToMitigate);
        Assert.Equal(TimeSpan.FromMinutes(70), measures.TimeToResolve);
        Assert.Equal(3, measures.AffectedUsers);
        Assert.Equal(2, measures.RespondersEngaged);
    }

    [Fact]
    public void Each_due_time_is_reminded_once_and_escalated_once()
    {
        var major = Declared(Severity.Sev1, T0);
        var due = T0.AddMinutes(30);
        Assert.False(major.TakeReminder(CommunicationCadence.At(major, Options, due.AddMinutes(-1))!));
        Assert.True(major.TakeReminder(CommunicationCadence.At(major, Options, due.AddMinutes(1))!));
        Assert.False(major.TakeReminder(CommunicationCadence.At(major, Options, due.AddMinutes(2))!));
        Assert.True(major.TakeReminder(CommunicationCadence.At(major, Options, due.AddMinutes(6))!));
        Assert.False(major.TakeReminder(CommunicationCadence.At(major, Options, due.AddMinutes(20))!));

        // The next update restarts the rhythm: its own due time is reminded again.
        major.RecordCommunication(new("m", "Morgan", due.AddMinutes(21)), "Identified");
        Assert.True(major.TakeReminder(CommunicationCadence.At(major, Options, due.AddMinutes(52))!));
    }
}

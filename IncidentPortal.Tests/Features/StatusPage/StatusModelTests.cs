using IncidentPortal.Features.StatusPage;

namespace IncidentPortal.Tests.Features.StatusPage;

public class StatusModelTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Worst_status_wins_and_maintenance_ranks_below_any_outage()
    {
        Assert.Equal(ComponentStatus.Operational, StatusText.Worst([]));
        Assert.Equal(ComponentStatus.PartialOutage, StatusText.Worst([ComponentStatus.UnderMaintenance, ComponentStatus.PartialOutage, ComponentStatus.DegradedPerformance]));
        Assert.Equal(ComponentStatus.UnderMaintenance, StatusText.Worst([ComponentStatus.Operational, ComponentStatus.UnderMaintenance]));
    }

    [Fact]
    public void An_override_beats_the_derived_status_until_cleared()
    {
        var component = StatusComponent.Create("Email", null, "Collaboration", 1, null, Now);
        Assert.False(component.Apply(ComponentStatus.Operational, Now));

        component.Override(ComponentStatus.DegradedPerformance, "Mail queue slow, no incident yet", "im", Now);
        Assert.True(component.Apply(ComponentStatus.Operational, Now.AddMinutes(1)));
        Assert.Equal((ComponentStatus.DegradedPerformance, Now.AddMinutes(1)), (component.Status, component.StatusChangedAt));

        component.ClearOverride();
        Assert.True(component.Apply(ComponentStatus.Operational, Now.AddMinutes(2)));
        Assert.Equal(ComponentStatus.Operational, component.Status);
        Assert.Throws<StatusRuleException>(() => component.Override(ComponentStatus.MajorOutage, "  ", "im", Now));
    }

    [Fact]
    public void Publishing_moves_the_phase_sets_impacts_and_resolving_clears_them()
    {
        var incident = PublicIncident.Open(7, "Email delays", Now);
        incident.Publish(IncidentPhase.Identified, "Email delays", "A mail relay is failing.", new Dictionary<int, ComponentStatus> { [1] = ComponentStatus.PartialOutage }, "im", Now);
        Assert.Equal(IncidentPhase.Identified, incident.Phase);
        Assert.Equal(ComponentStatus.PartialOutage, Assert.Single(incident.Impacts).Status);

        incident.Publish(IncidentPhase.Resolved, "Email delays", "Mail flows normally again.", new Dictionary<int, ComponentStatus>(), "im", Now.AddHours(1));
        Assert.Empty(incident.Impacts);
        Assert.Equal(Now.AddHours(1), incident.ResolvedAt);
        Assert.Equal(2, incident.Updates.Count);
        Assert.Throws<StatusRuleException>(() => incident.Publish(IncidentPhase.Monitoring, "x", "y", new Dictionary<int, ComponentStatus>(), "im", Now));

        incident.Reopen(Now.AddHours(2));
        Assert.Equal((IncidentPhase.Investigating, (DateTime?)null), (incident.Phase, incident.ResolvedAt));
    }

    [Fact]
    public void An_update_refuses_blank_text_and_operational_impacts()
    {
        var incident = PublicIncident.Open(7, "Email delays", Now);
        Assert.Throws<StatusRuleException>(() => incident.Publish(IncidentPhase.Identified, "Email", "", new Dictionary<int, ComponentStatus>(), "im", Now));
        Assert.Throws<StatusRuleException>(() => incident.Publish(IncidentPhase.Identified, "Email", "Fixing",
            new Dictionary<int, ComponentStatus> { [1] = ComponentStatus.Operational }, "im", Now));
        Assert.Empty(incident.Updates);
    }

    [Fact]
    public void Maintenance_starts_and_ends_by_the_clock_and_a_missed_window_goes_straight_to_completed()
    {
        var maintenance = ScheduledMaintenance.Schedule("Database upgrade", "Read-only for 30 minutes", Now.AddHours(1), Now.AddHours(2), [1, 2], "im", Now);
        Assert.False(maintenance.Advance(Now));
        Assert.True(maintenance.Advance(Now.AddHours(1)));
        Assert.Equal(MaintenanceState.InProgress, maintenance.State);
        Assert.True(maintenance.Advance(Now.AddHours(2)));
        Assert.Equal(MaintenanceState.Completed, maintenance.State);

        var missed = ScheduledMaintenance.Schedule("Patch", "Reboots", Now.AddMinutes(5), Now.AddMinutes(10), [1], "im", Now);
        Assert.True(missed.Advance(Now.AddHours(1)));
        Assert.Equal(MaintenanceState.Completed, missed.State);
    }

    [Fact]
    public void Maintenance_needs_a_real_window_and_components()
    {
        Assert.Throws<StatusRuleException>(() => ScheduledMaintenance.Schedule("Patch", "Reboots", Now.AddHours(2), Now.AddHours(1), [1], "im", Now));
        Assert.Throws<StatusRuleException>(() => ScheduledMaintenance.Schedule("Patch", "Reboots", Now.AddHours(-2), Now.AddHours(-1), [1], "im", Now));
        Assert.Throws<StatusRuleException>(() => ScheduledMaintenance.Schedule("Patch", "Reboots", Now.AddHours(1), Now.AddHours(2), [], "im", Now));
    }
}

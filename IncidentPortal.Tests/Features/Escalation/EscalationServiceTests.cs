using IncidentPortal.Features.Escalation;
using IncidentPortal.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace IncidentPortal.Tests.Features.Escalation;

/// <summary>Manual escalation and acknowledgement through the real services on a SQLite file.</summary>
public sealed class EscalationServiceTests
{
    [Fact]
    public async Task Functional_escalation_reassigns_records_and_notifies_the_new_team_and_a_missing_reason_changes_nothing()
    {
        await using var host = new EscalationHost(new FakeTimeProvider(TestClock.MondayMorning));
        var agent = await host.ActorAsync("agent@demo.local");
        var incident = await host.ReportAsync("Needs the apps team");
        var apps = await host.TeamIdAsync("Applications");
        var service = host.Get<EscalationService>();

        var refused = await service.EscalateAsync(agent, incident.Id, new EscalationRequest(EscalationKind.Functional, apps, null, "  "));
        Assert.Equal((EscalationService.ReasonField, "Say why you are escalating."), (refused.Field, refused.Error));
        Assert.Empty(await host.EscalationTimelineAsync(incident.Id));

        var done = await service.EscalateAsync(agent, incident.Id, new EscalationRequest(EscalationKind.Functional, apps, null, "customer VIP"));
        Assert.True(done.Succeeded, done.Error);
        Assert.Equal(["Escalated to Applications (functional): customer VIP"], await host.EscalationTimelineAsync(incident.Id));
        await using var db = await host.DbAsync();
        var stored = db.Incidents.Single(i => i.Id == incident.Id);
        Assert.Equal((apps, (string?)null), (stored.AssignmentGroupId!.Value, stored.AssigneeId));
        Assert.Equal([await host.UserIdAsync("apps@demo.local")], (await host.EscalationNotificationsAsync(incident.Id)).Select(n => n.UserId));
        var panel = await host.Get<EscalationQueries>().PanelAsync(agent, incident.Id);
        Assert.Equal(1, panel.FunctionalLevel);
    }

    [Fact]
    public async Task Acknowledging_stops_the_page_so_the_next_step_never_fires()
    {
        var clock = new FakeTimeProvider(TestClock.MondayMorning);
        await using var host = new EscalationHost(clock);
        var policy = await host.TwoStepPolicyAsync("Ack policy", "agent@demo.local", "dana@demo.local", TimeSpan.FromMinutes(5));
        var incident = await host.ReportAsync("Ack me");
        var agent = await host.ActorAsync("agent@demo.local");
        var service = host.Get<EscalationService>();
        Assert.True((await service.StartPolicyAsync(agent, incident.Id, policy, "Outage")).Succeeded);
        await EscalationHost.EventuallyAsync(async () => (await host.EscalationNotificationsAsync(incident.Id)).Count == 1, "step 1");

        var acknowledged = await service.AcknowledgeAsync(agent, incident.Id);
        Assert.True(acknowledged.Succeeded, acknowledged.Error);
        Assert.Equal("Nothing is paging for this incident any more.", (await service.AcknowledgeAsync(agent, incident.Id)).Error);
        clock.Advance(TimeSpan.FromMinutes(30));
        await Task.Delay(2500);

        Assert.Single(await host.EscalationNotificationsAsync(incident.Id));
        Assert.Contains("Acknowledged: policy \"Ack policy\" stops paging", await host.EscalationTimelineAsync(incident.Id));
        var panel = await host.Get<EscalationQueries>().PanelAsync(agent, incident.Id);
        Assert.Equal((RunOutcome.Acknowledged, "Alex Agent"), (panel.LastFinished!.Outcome, panel.LastFinished.AcknowledgedBy!));
    }
}

using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Alerts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Integrations;
using IncidentPortal.Infrastructure.Events;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Features.Alerts;

/// <summary>Agents acknowledging and resolving alerts by hand (alerts list, incident panel), on the real app and database.</summary>
public sealed class AlertActionsTests(IngestPortal portal) : IClassFixture<IngestPortal>
{
    private AlertActions Actions => portal.Services.GetRequiredService<AlertActions>();

    [Fact]
    public async Task An_agent_acknowledges_a_triggered_alert_the_timeline_says_who_and_repeats_still_count_on_it()
    {
        var (integration, alert) = await TriggeredAsync("disk");
        var agent = await ActorAsync(Roles.Agent);
        var changed = new List<AlertsChanged>();
        using var _ = portal.Services.GetRequiredService<IEventBus>().Subscribe<AlertsChanged>(e => { lock (changed) changed.Add(e); return Task.CompletedTask; });

        var message = await Actions.ApplyAsync(agent, alert.Id, AlertAction.Acknowledge);

        Assert.Equal("Acknowledged “Disk full”.", message);
        var stored = Assert.Single(await portal.AlertsAsync(integration.Id));
        Assert.Equal(AlertStatus.Acknowledged, stored.Status);
        Assert.NotNull(stored.AcknowledgedAt);
        var incident = Assert.Single(await portal.IncidentsAsync(integration.Id));
        var entry = Assert.Single(incident.Activities, a => a.Text == "Acknowledged the alert “Disk full” by hand.");
        Assert.Equal(agent.UserId, entry.ActorId);
        Assert.False(entry.IsPublic);
        lock (changed) Assert.Contains(changed, e => e.IncidentIds.Contains(incident.Id));

        await integration.EventAsync("trigger", "disk", summary: "Disk full");
        stored = Assert.Single(await portal.AlertsAsync(integration.Id));
        Assert.Equal((AlertStatus.Acknowledged, 2), (stored.Status, stored.OccurrenceCount));
    }

    [Fact]
    public async Task Resolving_by_hand_closes_the_alert_and_the_same_key_then_opens_a_new_one()
    {
        var (integration, alert) = await TriggeredAsync("cpu");
        var agent = await ActorAsync(Roles.Agent);

        Assert.Equal("Resolved “Disk full”.", await Actions.ApplyAsync(agent, alert.Id, AlertAction.Resolve));

        var stored = Assert.Single(await portal.AlertsAsync(integration.Id));
        Assert.Equal(AlertStatus.Resolved, stored.Status);
        Assert.NotNull(stored.ResolvedAt);
        Assert.Contains((await portal.IncidentsAsync(integration.Id))[0].Activities, a => a.Text == "Resolved the alert “Disk full” by hand.");

        await integration.EventAsync("trigger", "cpu", summary: "Disk full");
        Assert.Equal([AlertStatus.Resolved, AlertStatus.Triggered], (await portal.AlertsAsync(integration.Id)).Select(a => a.Status));
    }

    [Fact]
    public async Task What_is_not_open_any_more_is_refused_with_a_reason_and_nothing_is_recorded()
    {
        var (integration, alert) = await TriggeredAsync("mem");
        var agent = await ActorAsync(Roles.Agent);
        await Actions.ApplyAsync(agent, alert.Id, AlertAction.Acknowledge);

        var twice = await Assert.ThrowsAsync<AlertRuleException>(() => Actions.ApplyAsync(agent, alert.Id, AlertAction.Acknowledge));
        Assert.Equal("This alert is already acknowledged.", twice.Message);
        await Actions.ApplyAsync(agent, alert.Id, AlertAction.Resolve);
        Assert.Equal("This alert is already resolved.",
            (await Assert.ThrowsAsync<AlertRuleException>(() => Actions.ApplyAsync(agent, alert.Id, AlertAction.Resolve))).Message);
        Assert.Equal("This alert is resolved.",
            (await Assert.ThrowsAsync<AlertRuleException>(() => Actions.ApplyAsync(agent, alert.Id, AlertAction.Acknowledge))).Message);

        var entries = (await portal.IncidentsAsync(integration.Id))[0].Activities.Where(a => a.Text?.Contains("by hand", StringComparison.Ordinal) == true);
        Assert.Equal(2, entries.Count()); // one acknowledgement, one resolve: the refusals left nothing
    }

    [Fact]
    public async Task A_reporter_can_neither_acknowledge_nor_resolve()
    {
        var (integration, alert) = await TriggeredAsync("net");
        var reporter = await ActorAsync(Roles.Reporter);

        foreach (var action in new[] { AlertAction.Acknowledge, AlertAction.Resolve })
        {
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Actions.ApplyAsync(reporter, alert.Id, action));
        }
        Assert.Equal(AlertStatus.Triggered, Assert.Single(await portal.AlertsAsync(integration.Id)).Status);
    }

    private async Task<(TestIntegration Integration, Alert Alert)> TriggeredAsync(string key)
    {
        var integration = await portal.CreateIntegrationAsync(IntegrationKind.Events);
        await integration.EventAsync("trigger", key, summary: "Disk full");
        return (integration, Assert.Single(await portal.AlertsAsync(integration.Id)));
    }

    private async Task<Actor> ActorAsync(string role)
    {
        var user = await portal.CreateUserAsync($"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.local", role);
        return new Actor(user.Id, user.Email!, role == Roles.Agent, false, false);
    }
}

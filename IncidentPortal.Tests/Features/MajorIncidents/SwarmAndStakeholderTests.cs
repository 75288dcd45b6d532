using IncidentPortal.Features.Escalation;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.MajorIncidents;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Tests.Features.Incidents.Support;
using IncidentPortal.Tests.Features.MajorIncidents.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Features.MajorIncidents;

public class SwarmAndStakeholderTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    private MajorIncidentService Service => host.MajorIncidents();


    [Fact]
    public async Task Paged_people_and_teams_are_notified_and_their_acknowledgement_and_joining_are_recorded()
    {
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var agent = await host.ActorAsync(DemoEmails.Agent);
        var (majorId, parent) = await host.DeclaredAsync("Swarm: storage array degraded");

        await Service.RequestRespondersAsync(manager, majorId, new SwarmAsk([agent.UserId], [await host.TeamIdAsync("Network")], null, "Need a network engineer on the bridge"));

        var request = Assert.Single(await Service.SwarmRequestsAsync(manager, majorId));
        Assert.Equal("Need a network engineer on the bridge", request.Message);
        var invite = Assert.Single(request.Invites, i => i.UserId == agent.UserId);
        Assert.Null(invite.Via); // asked by name first; the team does not ask them twice
        Assert.Null(invite.AcknowledgedAt);
        await using (var db = await host.DbAsync())
        {
            var paged = await db.Notifications.Where(n => n.UserId == agent.UserId && n.Kind == NotificationKind.MajorIncident
                && n.Link == $"major-incidents/{majorId}").ToListAsync();
            Assert.Single(paged);
            Assert.Contains(parent.Reference, paged[0].Title);
        }

        await Service.AcknowledgeRequestAsync(agent, majorId);
        Assert.True(await Service.JoinAsync(agent, majorId));
        Assert.False(await Service.JoinAsync(agent, majorId)); // once

        invite = Assert.Single(Assert.Single(await Service.SwarmRequestsAsync(manager, majorId)).Invites, i => i.UserId == agent.UserId);
        Assert.NotNull(invite.AcknowledgedAt);
        Assert.NotNull(invite.JoinedAt);
        await using var check = await host.DbAsync();
        var major = await check.MajorIncidents.Include(m => m.Roles).Include(m => m.Log).SingleAsync(m => m.Id == majorId);
        Assert.True(major.Holds(agent.UserId, ResponseRole.Responder));
        Assert.Contains(major.Log, e => e.Text.StartsWith("Requested responders (", StringComparison.Ordinal));
        Assert.Contains(major.Log, e => e.Text == $"{agent.Name} acknowledged the request to join");
    }

    [Fact]
    public async Task Paging_a_policy_starts_it_on_the_incident_and_records_its_first_step_as_asked()
    {
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var agent = await host.ActorAsync(DemoEmails.Agent);
        var (majorId, parent) = await host.DeclaredAsync("Swarm: database cluster down");
        int policyId;
        await using (var db = await host.DbAsync())
            policyId = await db.EscalationPolicies.Where(p => p.Name == EscalationDemoSeeder.PolicyName).Select(p => p.Id).SingleAsync();

        await Service.RequestRespondersAsync(manager, majorId, new SwarmAsk([], [], policyId, "DBA needed"));

        var request = Assert.Single(await Service.SwarmRequestsAsync(manager, majorId));
        Assert.Equal(EscalationDemoSeeder.PolicyName, request.PolicyName);
        Assert.Contains(request.Invites, i => i.UserId == agent.UserId && i.Via == $"policy {EscalationDemoSeeder.PolicyName}");
        await using (var db = await host.DbAsync())
            Assert.True(await db.EscalationRuns.AnyAsync(r => r.IncidentId == parent.Id && r.FinishedAt == null));

        // A second policy page while the first still pages is refused, and nothing is recorded for it.
        var refused = await Assert.ThrowsAsync<MajorIncidentRuleException>(() =>
            Service.RequestRespondersAsync(manager, majorId, new SwarmAsk([], [], policyId, "Again")));
        Assert.Contains("already paging", refused.Message);
        Assert.Single(await Service.SwarmRequestsAsync(manager, majorId));

        // The person paged by the policy acknowledges in the war room: the page stops.
        await Service.AcknowledgeRequestAsync(agent, majorId);
        await using (var db = await host.DbAsync())
            Assert.False(await db.EscalationRuns.AnyAsync(r => r.IncidentId == parent.Id && r.FinishedAt == null));
    }

    [Fact]
    public async Task A_request_needs_someone_and_a_message_and_reporters_cannot_page()
    {
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var (majorId, _) = await host.DeclaredAsync("Swarm: bad requests");

        await Assert.ThrowsAsync<MajorIncidentRuleException>(() => Service.RequestRespondersAsync(manager, majorId, new SwarmAsk([], [], null, "Help")));
        await Assert.ThrowsAsync<MajorIncidentRuleException>(() =>
            Service.RequestRespondersAsync(manager, majorId, new SwarmAsk([manager.UserId], [], null, "   ")));
        // A reporter is not staff: cannot be paged in, and cannot page or read who was paged.
        await Assert.ThrowsAsync<MajorIncidentRuleException>(() =>
            Service.RequestRespondersAsync(manager, majorId, new SwarmAsk([reporter.UserId], [], null, "Join")));
        await Assert.ThrowsAsync<MajorIncidentNotFoundException>(() =>
            Service.RequestRespondersAsync(reporter, majorId, new SwarmAsk([manager.UserId], [], null, "Join")));
        await Assert.ThrowsAsync<MajorIncidentNotFoundException>(() => Service.SwarmRequestsAsync(reporter, majorId));
        await Assert.ThrowsAsync<MajorIncidentNotFoundException>(() => Service.StakeholdersAsync(reporter, majorId));
        Assert.Empty(await Service.SwarmRequestsAsync(manager, majorId));
    }

    [Fact]
    public async Task Stakeholders_people_and_team_members_get_each_internal_update_by_notification_and_email()
    {
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var agent = await host.ActorAsync(DemoEmails.Agent);
        var executive = await host.ActorAsync(DemoEmails.OtherReporter);
        var (majorId, _) = await host.DeclaredAsync("Stakeholders: payroll down");
        await Service.AddStakeholderAsync(manager, majorId, executive.UserId, null);
        await Service.AddStakeholderAsync(manager, majorId, null, await host.TeamIdAsync("Network"));
        await Assert.ThrowsAsync<MajorIncidentRuleException>(() => Service.AddStakeholderAsync(manager, majorId, executive.UserId, null));
        Assert.Equal(2, (await Service.StakeholdersAsync(manager, majorId)).Count);
        int outboxBefore;
        await using (var db = await host.DbAsync()) outboxBefore = await db.OutboxMessages.CountAsync();

        await Service.SendStakeholderUpdateAsync(manager, majorId, "Failover to the second site under way; next update 10:30");

        await using var check = await host.DbAsync();
        var sent = await check.Notifications.Where(n => n.Kind == NotificationKind.MajorIncident && n.Body!.StartsWith("Failover to the second site"))
            .ToListAsync();
        var toExecutive = Assert.Single(sent, n => n.UserId == executive.UserId);
        Assert.Null(toExecutive.Link); // not staff: the war room is not theirs to open
        Assert.Equal($"major-incidents/{majorId}", Assert.Single(sent, n => n.UserId == agent.UserId).Link);
        Assert.DoesNotContain(sent, n => n.UserId == manager.UserId); // the sender
        Assert.True(await check.OutboxMessages.CountAsync() > outboxBefore); // and by e-mail
        var major = await check.MajorIncidents.Include(m => m.Log).SingleAsync(m => m.Id == majorId);
        Assert.NotNull(major.LastCommunicationAt); // the update clock restarts
        Assert.Contains(major.Log, e => e.Kind == LogEntryKind.Communication && e.Text.StartsWith("Failover", StringComparison.Ordinal));

        await Assert.ThrowsAsync<MajorIncidentRuleException>(() => Service.SendStakeholderUpdateAsync(manager, majorId, " "));
    }
}

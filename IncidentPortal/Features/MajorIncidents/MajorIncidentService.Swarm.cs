using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Escalation;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.MajorIncidents;

/// <summary>Who to page into the war room: named people, every member of some teams, and/or an escalation policy.</summary>
public sealed record SwarmAsk(IReadOnlyCollection<string> UserIds, IReadOnlyCollection<int> TeamIds, int? PolicyId, string? Message);

public sealed partial class MajorIncidentService
{
    /// <summary>
    /// Pages responders with a message. People and teams are notified at once (portal and e-mail, as each person
    /// chose); a policy is started on the incident through the escalation engine, which pages its steps until someone
    /// acknowledges. Everyone reached is recorded on the request, and the request is written in the war-room log.
    /// </summary>
    public async Task<int> RequestRespondersAsync(Actor actor, int majorId, SwarmAsk ask, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        if (ask.UserIds.Count == 0 && ask.TeamIds.Count == 0 && ask.PolicyId is null)
            throw new MajorIncidentRuleException("Choose the people, teams or escalation policy to page.");
        var now = Now;
        var by = By(actor, now);
        var draft = SwarmRequest.Create(majorId, by, ask.Message, null);
        int incidentId;
        string? policyName = null;
        List<Recipient> policyPeople = [];
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var major = await LoadAsync(db, majorId, ct);
            if (!major.IsActive) throw new MajorIncidentRuleException("Responders are paged while the response is running.");
            incidentId = major.IncidentId;
            if (ask.PolicyId is { } policyId)
            {
                var policy = await db.EscalationPolicies.Include(p => p.Steps).ThenInclude(s => s.Targets)
                    .SingleOrDefaultAsync(p => p.Id == policyId, ct) ?? throw new MajorIncidentRuleException("That escalation policy no longer exists.");
                policyName = policy.Name;
                if (policy.Steps.OrderBy(s => s.Position).FirstOrDefault() is { } first)
                    policyPeople = await EscalationTargets.StepAsync(db, first, clock.GetUtcNow(), ct);
            }
        }
        // The policy first: if it cannot page (one is already paging this incident), nothing is recorded.
        if (ask.PolicyId is { } chosen)
        {
            var started = await escalation.StartPolicyAsync(actor, incidentId, chosen, $"Responders requested: {draft.Message}", ct);
            if (!started.Succeeded) throw new MajorIncidentRuleException(started.Error!);
        }

        NotificationBatch batch;
        int requestId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var major = await LoadAsync(db, majorId, ct);
            var request = SwarmRequest.Create(majorId, by, ask.Message, policyName);
            var direct = new List<Recipient>();
            var people = await EscalationTargetsFor(db, ask.UserIds, ct);
            foreach (var person in people) request.Ask(person.UserId, person.Name, null);
            direct.AddRange(people);
            foreach (var teamId in ask.TeamIds.Distinct())
            {
                var team = await db.Teams.Where(t => t.Id == teamId).Select(t => t.Name).SingleOrDefaultAsync(ct)
                    ?? throw new MajorIncidentRuleException("A chosen team no longer exists.");
                var members = await EscalationTargets.TeamAsync(db, teamId, clock.GetUtcNow(), ct);
                foreach (var member in members) request.Ask(member.UserId, member.Name, $"{team} team");
                direct.AddRange(members);
            }
            foreach (var person in policyPeople) request.Ask(person.UserId, person.Name, $"policy {policyName}");
            if (request.Invites.Count == 0) throw new MajorIncidentRuleException("Nobody active was found to page: choose other people or teams.");
            db.SwarmRequests.Add(request);

            var logCount = major.Log.Count;
            major.RecordSwarm(by, $"Requested responders ({Names(request.Invites)}): {request.Message}");
            var reference = await db.Incidents.Where(i => i.Id == incidentId).Select(i => i.Number).SingleAsync(ct);
            await MajorIncidentTimeline.MirrorAsync(db, major, logCount, null, ct);
            // The policy's own run pages its people; the others hear it from here.
            batch = await notifier.AddAsync(db, direct.Select(p => p.UserId).Where(id => id != actor.UserId).ToList(),
                new NotificationRequest(NotificationKind.MajorIncident,
                    $"Join the response to major incident {Incident.FormatReference(reference)}", $"{actor.Name}: {request.Message}",
                    $"major-incidents/{majorId}", incidentId), ct);
            await SaveAsync(db, ct);
            requestId = request.Id;
        }
        await notifier.AnnounceAsync(batch);
        await events.PublishAsync(new MajorIncidentChanged(majorId, incidentId));
        return requestId;
    }

    /// <summary>"On my way": the person's open requests are acknowledged, and a policy paging the incident stops.</summary>
    public async Task AcknowledgeRequestAsync(Actor actor, int majorId, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        int incidentId;
        bool viaPolicy;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var major = await LoadAsync(db, majorId, ct);
            incidentId = major.IncidentId;
            var invites = await InvitesAsync(db, majorId, actor.UserId, ct);
            if (!invites.Any(i => i.Invite.Acknowledge(Now))) throw new MajorIncidentRuleException("You have no open request to acknowledge.");
            viaPolicy = invites.Any(i => i.PolicyName is not null);
            var logCount = major.Log.Count;
            major.RecordSwarm(By(actor, Now), $"{actor.Name} acknowledged the request to join");
            await MajorIncidentTimeline.MirrorAsync(db, major, logCount, null, ct);
            await SaveAsync(db, ct);
        }
        // Refused only when the page already stopped (someone acknowledged first): the request is acknowledged either way.
        if (viaPolicy) await escalation.AcknowledgeAsync(actor, incidentId, ct);
        await events.PublishAsync(new MajorIncidentChanged(majorId, incidentId));
    }

    /// <summary>
    /// Someone asked to join opened the war room: their requests are joined, and they become a responder unless they
    /// already hold a role. People who were not asked are not changed by opening the page.
    /// </summary>
    public async Task<bool> JoinAsync(Actor actor, int majorId, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        int incidentId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var major = await LoadAsync(db, majorId, ct);
            incidentId = major.IncidentId;
            var invites = await InvitesAsync(db, majorId, actor.UserId, ct);
            if (!invites.Any(i => i.Invite.Join(Now))) return false;
            var logCount = major.Log.Count;
            if (major.IsActive && !major.Current.Any(r => r.UserId == actor.UserId))
                major.Assign(By(actor, Now), ResponseRole.Responder, By(actor, Now));
            await MajorIncidentTimeline.MirrorAsync(db, major, logCount, null, ct);
            await SaveAsync(db, ct);
        }
        await events.PublishAsync(new MajorIncidentChanged(majorId, incidentId));
        return true;
    }

    private static string Names(IReadOnlyCollection<SwarmInvite> invites) => invites.Count <= 8
        ? string.Join(", ", invites.Select(i => i.Name))
        : $"{string.Join(", ", invites.Take(8).Select(i => i.Name))} and {invites.Count - 8} more";

    private static async Task<List<Recipient>> EscalationTargetsFor(AppDbContext db, IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        if (userIds.Count == 0) return [];
        var found = new List<Recipient>();
        foreach (var id in userIds.Distinct())
        {
            var person = await PersonAsync(db, id, DateTime.MinValue, ct);
            found.Add(new Recipient(person.UserId, person.Name));
        }
        return found;
    }

    private static async Task<List<(SwarmInvite Invite, string? PolicyName)>> InvitesAsync(AppDbContext db, int majorId, string userId,
        CancellationToken ct)
    {
        var requests = await db.SwarmRequests.Include(r => r.Invites).Where(r => r.MajorIncidentId == majorId).ToListAsync(ct);
        return requests.SelectMany(r => r.Invites.Where(i => i.UserId == userId).Select(i => (i, r.PolicyName))).ToList();
    }

    private static async Task SaveAsync(AppDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new MajorIncidentConflictException();
        }
    }
}

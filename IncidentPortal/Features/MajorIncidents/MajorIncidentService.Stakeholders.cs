using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.MajorIncidents;

public sealed record StakeholderView(int Id, string Name, bool IsTeam);

public sealed record SwarmInviteView(string UserId, string Name, string? Via, DateTime AskedAt, DateTime? AcknowledgedAt, DateTime? JoinedAt);

public sealed record SwarmRequestView(int Id, string Message, string RequestedBy, DateTime At, string? PolicyName, IReadOnlyList<SwarmInviteView> Invites);

public sealed partial class MajorIncidentService
{
    /// <summary>Adds a person (any active account: stakeholders need not work incidents) or a team to hear each internal update.</summary>
    public async Task AddStakeholderAsync(Actor actor, int majorId, string? userId, int? teamId, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        if ((userId is null) == (teamId is null)) throw new MajorIncidentRuleException("Choose a person or a team.");
        await ChangeAsync(actor, majorId, null, async (db, major, now) =>
        {
            if (major.State is MajorIncidentState.Proposed or MajorIncidentState.Rejected)
                throw new MajorIncidentRuleException("Stakeholders are added once the major incident is declared.");
            Stakeholder stakeholder;
            if (userId is not null)
            {
                var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct)
                    ?? throw new MajorIncidentRuleException("That person no longer exists.");
                if (await db.Stakeholders.AnyAsync(s => s.MajorIncidentId == majorId && s.UserId == userId, ct))
                    throw new MajorIncidentRuleException($"{name} is already a stakeholder.");
                stakeholder = Stakeholder.Person(majorId, userId, name, By(actor, now));
            }
            else
            {
                var name = await db.Teams.Where(t => t.Id == teamId).Select(t => t.Name).SingleOrDefaultAsync(ct)
                    ?? throw new MajorIncidentRuleException("That team no longer exists.");
                if (await db.Stakeholders.AnyAsync(s => s.MajorIncidentId == majorId && s.TeamId == teamId, ct))
                    throw new MajorIncidentRuleException($"The {name} team is already a stakeholder.");
                stakeholder = Stakeholder.Team(majorId, teamId!.Value, name, By(actor, now));
            }
            db.Stakeholders.Add(stakeholder);
            major.RecordSwarm(By(actor, now), $"Stakeholder added: {stakeholder.Name}{(stakeholder.TeamId is null ? "" : " team")}");
        }, manager: false, ct);
    }

    public Task RemoveStakeholderAsync(Actor actor, int majorId, int stakeholderId, CancellationToken ct = default) =>
        ChangeAsync(actor, majorId, null, async (db, major, now) =>
        {
            var stakeholder = await db.Stakeholders.SingleOrDefaultAsync(s => s.Id == stakeholderId && s.MajorIncidentId == majorId, ct)
                ?? throw new MajorIncidentRuleException("That stakeholder was already removed.");
            db.Stakeholders.Remove(stakeholder);
            major.RecordSwarm(By(actor, now), $"Stakeholder removed: {stakeholder.Name}{(stakeholder.TeamId is null ? "" : " team")}");
        }, manager: false, ct);

    /// <summary>
    /// An internal update: recorded in the log (it restarts the update clock) and sent to every stakeholder — people and
    /// the members of stakeholder teams — by portal notification and e-mail, in the same unit of work.
    /// </summary>
    public async Task SendStakeholderUpdateAsync(Actor actor, int majorId, string? text, CancellationToken ct = default)
    {
        var batches = new List<NotificationBatch>();
        await ChangeAsync(actor, majorId, null, async (db, major, now) =>
        {
            var update = major.RecordCommunication(By(actor, now), text ?? "");
            var number = await db.Incidents.Where(i => i.Id == major.IncidentId).Select(i => i.Number).SingleAsync(ct);
            var stakeholders = await db.Stakeholders.Where(s => s.MajorIncidentId == majorId).ToListAsync(ct);
            var teamIds = stakeholders.Where(s => s.TeamId != null).Select(s => s.TeamId!.Value).ToList();
            var people = stakeholders.Where(s => s.UserId != null).Select(s => s.UserId!)
                .Concat(await db.Users.Where(u => u.Teams.Any(t => teamIds.Contains(t.Id))).Select(u => u.Id).ToListAsync(ct))
                .Where(id => id != actor.UserId).Distinct().ToList();
            var severity = major.Severity is { } s ? $" ({MajorIncidentText.Label(s)})" : "";
            // Staff open the war room from it; other stakeholders (managers of the business) read the update itself.
            var staff = await StaffAmongAsync(db, people, ct);
            var title = $"Update on major incident {Incident.FormatReference(number)}{severity}";
            var body = $"{update.Text}\n\n— {actor.Name}";
            batches.Add(await notifier.AddAsync(db, staff, new NotificationRequest(NotificationKind.MajorIncident, title, body,
                $"major-incidents/{majorId}", major.IncidentId), ct));
            batches.Add(await notifier.AddAsync(db, people.Except(staff).ToList(),
                new NotificationRequest(NotificationKind.MajorIncident, title, body, null, null), ct));
        }, manager: false, ct);
        foreach (var batch in batches) await notifier.AnnounceAsync(batch);
    }

    private static async Task<List<string>> StaffAmongAsync(AppDbContext db, List<string> userIds, CancellationToken ct)
    {
        var staffRoles = db.Roles.Where(r => r.Name == Roles.Agent || r.Name == Roles.IncidentManager || r.Name == Roles.Admin).Select(r => r.Id);
        return await db.UserRoles.Where(ur => userIds.Contains(ur.UserId) && staffRoles.Contains(ur.RoleId)).Select(ur => ur.UserId)
            .Distinct().ToListAsync(ct);
    }

    public async Task<IReadOnlyList<StakeholderView>> StakeholdersAsync(Actor actor, int majorId, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Stakeholders.AsNoTracking().Where(s => s.MajorIncidentId == majorId).OrderBy(s => s.Name)
            .Select(s => new StakeholderView(s.Id, s.Name, s.TeamId != null)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<SwarmRequestView>> SwarmRequestsAsync(Actor actor, int majorId, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var requests = await db.SwarmRequests.AsNoTracking().Include(r => r.Invites).Where(r => r.MajorIncidentId == majorId)
            .OrderByDescending(r => r.At).ToListAsync(ct);
        return requests.Select(r => new SwarmRequestView(r.Id, r.Message, r.RequestedByName, r.At, r.PolicyName,
            r.Invites.OrderBy(i => i.Name).Select(i => new SwarmInviteView(i.UserId, i.Name, i.Via, i.AskedAt, i.AcknowledgedAt, i.JoinedAt)).ToList()))
            .ToList();
    }
}

using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Escalation;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.MajorIncidents;

/// <summary>A major incident changed (anything: its state, roles, log or children); live pages reload it.</summary>
public sealed record MajorIncidentChanged(int MajorIncidentId, int IncidentId);

public sealed class MajorIncidentNotFoundException() : Exception("That major incident does not exist or is not yours to see.");

public sealed class MajorIncidentConflictException() : Exception("Someone changed this major incident a moment ago; look again and retry.");

/// <summary>
/// The major-incident commands. Reporters never reach a response (not found); any staff member proposes, posts, links
/// and gives responder roles; only incident managers and admins accept, reject, declare, change the severity and
/// hand over command. Every committed change publishes <see cref="MajorIncidentChanged"/>.
/// </summary>
public sealed partial class MajorIncidentService(IDbContextFactory<AppDbContext> dbFactory, IEventBus events, TimeProvider clock,
    IncidentService incidents, Notifier notifier, EscalationService escalation)
{
    public Task<int> ProposeAsync(Actor actor, int incidentId, string? reason, CancellationToken ct = default) =>
        CreateAsync(actor, incidentId, (_, now) => Task.FromResult(MajorIncident.Propose(incidentId, By(actor, now), reason)), ct);

    public Task<int> DeclareAsync(Actor actor, int incidentId, Severity severity, string commanderId, string? reason, CancellationToken ct = default)
    {
        EnsureManager(actor);
        return CreateAsync(actor, incidentId, async (db, now) =>
            MajorIncident.Declare(incidentId, By(actor, now), severity, await PersonAsync(db, commanderId, now, ct), reason), ct);
    }

    public Task AcceptAsync(Actor actor, int majorId, Severity severity, string commanderId, CancellationToken ct = default) =>
        ChangeAsync(actor, majorId, null, async (db, major, now) =>
            major.Accept(By(actor, now), severity, await PersonAsync(db, commanderId, now, ct)), manager: true, ct);

    public Task RejectAsync(Actor actor, int majorId, string? reason, CancellationToken ct = default) =>
        ChangeAsync(actor, majorId, null, (_, major, now) => Done(() => major.Reject(By(actor, now), reason)), manager: true, ct);

    public Task ChangeSeverityAsync(Actor actor, int majorId, Severity severity, CancellationToken ct = default) =>
        ChangeAsync(actor, majorId, null, (_, major, now) => Done(() => major.ChangeSeverity(By(actor, now), severity)), manager: true, ct);

    /// <summary>Gives a role. Command is handed over by incident managers (or by the commander themself).</summary>
    public Task AssignRoleAsync(Actor actor, int majorId, ResponseRole role, string userId, CancellationToken ct = default) =>
        ChangeAsync(actor, majorId, null, async (db, major, now) =>
        {
            if (role == ResponseRole.Commander && !IsManager(actor) && major.Commander?.UserId != actor.UserId)
            {
                throw new MajorIncidentRuleException("Only an incident manager or the commander hands over command.");
            }
            major.Assign(By(actor, now), role, await PersonAsync(db, userId, now, ct));
        }, manager: false, ct);

    public Task ReleaseRoleAsync(Actor actor, int majorId, ResponseRole role, string userId, CancellationToken ct = default) =>
        ChangeAsync(actor, majorId, null, (_, major, now) => Done(() => major.Release(By(actor, now), role, userId)), manager: false, ct);

    public Task PostAsync(Actor actor, int majorId, LogEntryKind kind, string? text, CancellationToken ct = default) =>
        ChangeAsync(actor, majorId, null, (_, major, now) => Done(() => major.Post(By(actor, now), kind, text)), manager: false, ct);

    public Task PinAsync(Actor actor, int majorId, long entryId, bool pinned, CancellationToken ct = default) =>
        ChangeAsync(actor, majorId, null, (_, major, now) =>
        {
            var entry = major.Log.FirstOrDefault(e => e.Id == entryId) ?? throw new MajorIncidentRuleException("That log entry does not exist.");
            major.Pin(By(actor, now), entry, pinned);
            return Task.CompletedTask;
        }, manager: false, ct);

    public Task SetBridgeAsync(Actor actor, int majorId, string? url, CancellationToken ct = default) =>
        ChangeAsync(actor, majorId, null, (_, major, now) => Done(() => major.SetBridge(By(actor, now), url)), manager: false, ct);

    public Task MitigateAsync(Actor actor, int majorId, string? note, CancellationToken ct = default) =>
        ChangeAsync(actor, majorId, null, (_, major, now) => Done(() => major.Mitigate(By(actor, now), note)), manager: false, ct);

    private async Task<int> CreateAsync(Actor actor, int incidentId, Func<AppDbContext, DateTime, Task<MajorIncident>> create, CancellationToken ct)
    {
        EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Incidents.AnyAsync(i => i.Id == incidentId, ct)) throw new IncidentNotFoundException();
        var existing = await db.MajorIncidents.Where(m => m.IncidentId == incidentId).Select(m => (MajorIncidentState?)m.State).FirstOrDefaultAsync(ct);
        if (existing is { } state)
        {
            throw new MajorIncidentRuleException(state == MajorIncidentState.Proposed
                ? "This incident has already been proposed as a major incident."
                : "This incident is already a major incident.");
        }
        var major = await create(db, Now);
        db.MajorIncidents.Add(major);
        await MajorIncidentTimeline.MirrorAsync(db, major, 0, null, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index: someone proposed or declared the same incident a moment earlier.
            throw new MajorIncidentRuleException("This incident was just proposed or declared by someone else.");
        }
        await events.PublishAsync(new MajorIncidentChanged(major.Id, incidentId));
        return major.Id;
    }

    private async Task ChangeAsync(Actor actor, int majorId, int? expectedVersion, Func<AppDbContext, MajorIncident, DateTime, Task> change,
        bool manager, CancellationToken ct)
    {
        EnsureStaff(actor);
        if (manager) EnsureManager(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var major = await db.MajorIncidents.Include(m => m.Roles).Include(m => m.Log).Include(m => m.Children)
            .AsSplitQuery().SingleOrDefaultAsync(m => m.Id == majorId, ct) ?? throw new MajorIncidentNotFoundException();
        if (expectedVersion is { } expected && expected != major.Version) throw new MajorIncidentConflictException();
        var logCount = major.Log.Count;
        await change(db, major, Now);
        await MajorIncidentTimeline.MirrorAsync(db, major, logCount, null, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new MajorIncidentConflictException();
        }
        await events.PublishAsync(new MajorIncidentChanged(major.Id, major.IncidentId));
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static ResponseActor By(Actor actor, DateTime now) => new(actor.UserId, actor.Name, now);

    private static Task Done(Action change)
    {
        change();
        return Task.CompletedTask;
    }

    /// <summary>Someone given a role: an existing member of staff (responders work incidents), with their name now.</summary>
    private static async Task<ResponseActor> PersonAsync(AppDbContext db, string? userId, DateTime now, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(userId)) throw new MajorIncidentRuleException("Choose a person.");
        var person = await db.Users.Where(u => u.Id == userId)
            .Select(u => new
            {
                u.DisplayName, Staff = db.UserRoles.Any(ur => ur.UserId == u.Id
                && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.Agent || r.Name == Roles.IncidentManager || r.Name == Roles.Admin)))
            })
            .SingleOrDefaultAsync(ct);
        if (person is not { Staff: true }) throw new MajorIncidentRuleException("Only agents, incident managers and admins take part in a response.");
        return new ResponseActor(userId, person.DisplayName, now);
    }

    private static bool IsManager(Actor actor) => actor.IsIncidentManager || actor.IsAdmin;

    private static void EnsureStaff(Actor actor)
    {
        if (!actor.IsStaff) throw new MajorIncidentNotFoundException();
    }

    private static void EnsureManager(Actor actor)
    {
        if (!IsManager(actor)) throw new MajorIncidentRuleException("Only incident managers accept, reject or declare major incidents.");
    }
}

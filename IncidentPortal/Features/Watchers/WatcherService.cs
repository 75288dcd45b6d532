using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Watchers;

/// <summary>One watcher as a page lists them. <see cref="IsStaff"/> never reaches a reporter: they only see colleagues.</summary>
public sealed record WatcherView(string UserId, string Name, string Email, bool IsStaff);

/// <summary>A watcher change refused, with the message for the field.</summary>
public sealed class WatcherRuleException(string message) : Exception(message);

/// <summary>
/// Who follows an incident. Agents follow and unfollow any incident; its reporter adds colleagues (other reporters, by
/// e-mail) who then see its public parts and hear its public news. Reporters never see or add staff.
/// </summary>
public sealed class WatcherService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, IEventBus events)
{
    public async Task<IReadOnlyList<WatcherView>> ListAsync(Actor actor, int incidentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureCanSeeAsync(db, actor, incidentId, ct);
        var staff = Staff.Ids(db);
        var watchers = await db.IncidentWatchers.AsNoTracking().Where(w => w.IncidentId == incidentId)
            .Join(db.Users, w => w.UserId, u => u.Id, (w, u) => new WatcherView(u.Id, u.DisplayName, u.Email ?? "", staff.Contains(u.Id)))
            .ToListAsync(ct);
        return [.. watchers.Where(w => actor.IsStaff || !w.IsStaff).OrderBy(w => w.Name)];
    }

    public async Task<bool> IsWatchingAsync(Actor actor, int incidentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.IncidentWatchers.AnyAsync(w => w.IncidentId == incidentId && w.UserId == actor.UserId, ct);
    }

    /// <summary>The incidents this person watches (My incidents → Watching), newest first.</summary>
    public async Task<List<IncidentRow>> ListWatchedAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var watched = db.IncidentWatchers.Where(w => w.UserId == actor.UserId).Select(w => w.IncidentId);
        return await IncidentQueries.Rows(db.Incidents.Where(i => watched.Contains(i.Id)).OrderByDescending(i => i.CreatedAt)).ToListAsync(ct);
    }

    /// <summary>An agent follows an incident: they hear about every change to it.</summary>
    public async Task FollowAsync(Actor actor, int incidentId, CancellationToken ct = default)
    {
        if (!actor.IsStaff) throw new UnauthorizedAccessException("Only agents follow incidents.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Incidents.AnyAsync(i => i.Id == incidentId, ct)) throw new IncidentNotFoundException();
        await AddAsync(db, incidentId, actor.UserId, actor, ct);
    }

    /// <summary>Anyone stops watching; nobody else is affected.</summary>
    public async Task UnfollowAsync(Actor actor, int incidentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.IncidentWatchers.Where(w => w.IncidentId == incidentId && w.UserId == actor.UserId).ExecuteDeleteAsync(ct);
        await events.PublishAsync(new WatchersChanged(incidentId, actor.UserId));
    }

    /// <summary>The reporter (or an agent) adds a colleague by e-mail; staff cannot be added this way.</summary>
    public async Task<WatcherView> AddColleagueAsync(Actor actor, int incidentId, string? email, CancellationToken ct = default)
    {
        var address = (email ?? "").Trim();
        if (address.Length == 0) throw new WatcherRuleException("Enter your colleague's e-mail address.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var incident = await ReporterOrStaffAsync(db, actor, incidentId, ct);
        // One message for unknown people and staff alike, so a reporter cannot probe who works here.
        var notFound = new WatcherRuleException($"No colleague with the e-mail address {address} has an account here.");
        var normalized = address.ToUpperInvariant();
        var user = await db.Users.AsNoTracking().People().SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, ct)
            ?? throw notFound;
        if (await Staff.Ids(db).ContainsAsync(user.Id, ct)) throw notFound;
        if (user.Id == incident.ReporterId) throw new WatcherRuleException("The reporter already hears about this incident.");
        if (await db.IncidentWatchers.AnyAsync(w => w.IncidentId == incidentId && w.UserId == user.Id, ct))
            throw new WatcherRuleException($"{user.DisplayName} is already watching.");
        await AddAsync(db, incidentId, user.Id, actor, ct);
        return new WatcherView(user.Id, user.DisplayName, user.Email ?? "", false);
    }

    /// <summary>The reporter removes a colleague they added; staff remove anyone.</summary>
    public async Task RemoveAsync(Actor actor, int incidentId, string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ReporterOrStaffAsync(db, actor, incidentId, ct);
        var watchers = db.IncidentWatchers.Where(w => w.IncidentId == incidentId && w.UserId == userId);
        if (!actor.IsStaff) watchers = watchers.Where(w => !Staff.Ids(db).Contains(w.UserId));
        await watchers.ExecuteDeleteAsync(ct);
        await events.PublishAsync(new WatchersChanged(incidentId, userId));
    }

    private async Task AddAsync(AppDbContext db, int incidentId, string userId, Actor by, CancellationToken ct)
    {
        if (await db.IncidentWatchers.AnyAsync(w => w.IncidentId == incidentId && w.UserId == userId, ct)) return;
        db.IncidentWatchers.Add(IncidentWatcher.Add(incidentId, userId, by.UserId, clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A double click raced itself: fine if they are watching now, which is what was asked.
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            if (!await fresh.IncidentWatchers.AnyAsync(w => w.IncidentId == incidentId && w.UserId == userId, ct)) throw;
        }
        await events.PublishAsync(new WatchersChanged(incidentId, userId));
    }

    private static async Task EnsureCanSeeAsync(AppDbContext db, Actor actor, int incidentId, CancellationToken ct)
    {
        if (actor.IsStaff) return;
        var mine = await db.Incidents.AnyAsync(i => i.Id == incidentId && i.ReporterId == actor.UserId, ct)
            || await db.IncidentWatchers.AnyAsync(w => w.IncidentId == incidentId && w.UserId == actor.UserId, ct);
        if (!mine) throw new IncidentNotFoundException();
    }

    private static async Task<Incident> ReporterOrStaffAsync(AppDbContext db, Actor actor, int incidentId, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == incidentId, ct);
        if (incident is null || !(actor.IsStaff || incident.ReporterId == actor.UserId)) throw new IncidentNotFoundException();
        return incident;
    }
}

/// <summary>Someone started or stopped watching: open watcher lists reload.</summary>
/// <param name="UserId">Who started or stopped watching: only their own lists of watched incidents change.</param>
public sealed record WatchersChanged(int IncidentId, string UserId);

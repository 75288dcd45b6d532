using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.ActionItems;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Problems;

/// <summary>Problem records: staff only. Every committed change publishes <see cref="ProblemChanged"/>.</summary>
public sealed partial class ProblemService(IDbContextFactory<AppDbContext> dbFactory, IEventBus events, TimeProvider clock)
{
    /// <summary>Opens a problem record from an action item: titled after it, linked to the item's incident.</summary>
    public async Task<int> SpawnFromActionItemAsync(Actor actor, int actionItemId, CancellationToken ct = default)
    {
        ActionItem? item = null;
        var id = await SaveAsync(actor, async (db, now) =>
        {
            item = await db.ActionItems.SingleOrDefaultAsync(a => a.Id == actionItemId, ct) ?? throw new ActionItemNotFoundException();
            if (item.ProblemId is not null) throw new ProblemRuleException("This action item already has a problem record.");
            if (await db.ProblemIncidents.AnyAsync(l => l.IncidentId == item.IncidentId, ct))
                throw new ProblemRuleException("The item's incident is already linked to a problem; link further incidents to that one.");
            var problem = Problem.Create(new ProblemInput(item.Title, $"Spawned from action item \"{item.Title}\".", null, null), actor.UserId, now);
            db.Problems.Add(problem);
            await db.SaveChangesAsync(ct); // the id, for the link and the item
            problem.Link(item.IncidentId, actor.UserId, now);
            item.SpawnedProblem(problem.Id, now);
            return problem;
        }, ct);
        await events.PublishAsync(new ActionItemChanged(item!.Id, item.IncidentId, item.ReviewId, item.OwnerId, null, item.Status));
        return id;
    }

    public Task<int> CreateAsync(Actor actor, ProblemInput input, CancellationToken ct = default) =>
        SaveAsync(actor, (db, now) =>
        {
            var problem = Problem.Create(input, actor.UserId, now);
            db.Problems.Add(problem);
            return Task.FromResult(problem);
        }, ct);

    public Task<int> EditAsync(Actor actor, int problemId, int expectedVersion, ProblemInput input, CancellationToken ct = default) =>
        SaveAsync(actor, async (db, now) =>
        {
            var problem = await LoadAsync(db, problemId, expectedVersion, ct);
            problem.Edit(input, now);
            return problem;
        }, ct);

    public Task<int> MoveAsync(Actor actor, int problemId, int expectedVersion, ProblemStatus status, CancellationToken ct = default) =>
        SaveAsync(actor, async (db, now) =>
        {
            var problem = await LoadAsync(db, problemId, expectedVersion, ct);
            problem.MoveTo(status, now);
            return problem;
        }, ct);

    /// <summary>Links an incident to the problem; an incident already linked to another problem is refused.</summary>
    public Task<int> LinkIncidentAsync(Actor actor, int problemId, int incidentId, CancellationToken ct = default) =>
        SaveAsync(actor, async (db, now) =>
        {
            var problem = await LoadAsync(db, problemId, null, ct);
            if (!await db.Incidents.AnyAsync(i => i.Id == incidentId, ct)) throw new ProblemRuleException("There is no such incident.", "Incident");
            var other = await db.ProblemIncidents.Where(l => l.IncidentId == incidentId && l.ProblemId != problemId).Select(l => (int?)l.ProblemId).FirstOrDefaultAsync(ct);
            if (other is { } id) throw new ProblemRuleException($"That incident is already linked to {Problem.FormatReference(id)}.", "Incident");
            problem.Link(incidentId, actor.UserId, now);
            return problem;
        }, ct);

    public Task<int> UnlinkIncidentAsync(Actor actor, int problemId, int incidentId, CancellationToken ct = default) =>
        SaveAsync(actor, async (db, now) =>
        {
            var problem = await LoadAsync(db, problemId, null, ct);
            problem.Unlink(incidentId, now);
            return problem;
        }, ct);

    /// <summary>Finds an incident by its reference (INC-000123) or number, for linking from the problem page.</summary>
    public async Task<int?> IncidentIdAsync(Actor actor, string reference, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        var digits = new string((reference ?? "").Where(char.IsDigit).ToArray());
        if (!int.TryParse(digits, out var number)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Incidents.Where(i => i.Number == number).Select(i => (int?)i.Id).FirstOrDefaultAsync(ct);
    }

    private async Task<int> SaveAsync(Actor actor, Func<AppDbContext, DateTime, Task<Problem>> change, CancellationToken ct)
    {
        EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var problem = await change(db, Now);
        var before = db.ChangeTracker.Entries<ProblemIncident>().Where(e => e.State != EntityState.Added).Select(e => e.Entity.IncidentId).ToList();
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ProblemConflictException();
        }
        catch (DbUpdateException) when (db.ChangeTracker.Entries<ProblemIncident>().Any(e => e.State == EntityState.Added))
        {
            // The unique index: another save linked the same incident to a problem a moment earlier.
            throw new ProblemRuleException("That incident was just linked to another problem.", "Incident");
        }
        await events.PublishAsync(new ProblemChanged(problem.Id, problem.Incidents.Select(l => l.IncidentId).Union(before).ToList()));
        return problem.Id;
    }

    private static async Task<Problem> LoadAsync(AppDbContext db, int problemId, int? expectedVersion, CancellationToken ct)
    {
        var problem = await db.Problems.Include(p => p.Incidents).SingleOrDefaultAsync(p => p.Id == problemId, ct) ?? throw new ProblemNotFoundException();
        if (expectedVersion is { } expected && expected != problem.Version) throw new ProblemConflictException();
        return problem;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static void EnsureStaff(Actor actor)
    {
        if (!actor.IsStaff) throw new ProblemNotFoundException();
    }
}

using IncidentPortal.Features.Accounts;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Incidents;

/// <summary>The current impact × urgency matrix, cached until an admin saves a new one.</summary>
public sealed class PriorityMatrixService(IDbContextFactory<AppDbContext> dbFactory)
{
    private volatile PriorityMatrix? cached;

    public async Task<PriorityMatrix> CurrentAsync(CancellationToken ct = default)
    {
        if (cached is { } matrix) return matrix;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return cached = PriorityMatrix.From(await db.PriorityMatrix.AsNoTracking().ToListAsync(ct));
    }

    /// <summary>
    /// Replaces the matrix (admins only); it must give every impact × urgency pair exactly one priority.
    /// New incidents use it at once; existing incidents keep their priority until they are next edited.
    /// </summary>
    public async Task SaveAsync(Actor actor, IEnumerable<PriorityMatrixCell> cells, CancellationToken ct = default)
    {
        RequireAdmin(actor);
        var complete = PriorityMatrix.Validate(cells);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.PriorityMatrix.ExecuteDeleteAsync(ct);
        db.PriorityMatrix.AddRange(complete.Select(c => new PriorityMatrixCell { Impact = c.Impact, Urgency = c.Urgency, Priority = c.Priority }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        cached = null;
    }

    /// <summary>Goes back to <see cref="PriorityMatrix.ItilDefault"/> (admins only): no stored cell means the default.</summary>
    public async Task ResetAsync(Actor actor, CancellationToken ct = default)
    {
        RequireAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.PriorityMatrix.ExecuteDeleteAsync(ct);
        cached = null;
    }

    private static void RequireAdmin(Actor actor)
    {
        if (!actor.IsAdmin) throw new UnauthorizedAccessException("Only admins can change the priority matrix.");
    }
}

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

    /// <summary>Replaces the matrix. Existing incidents keep their priority until they are next edited.</summary>
    public async Task SaveAsync(IEnumerable<PriorityMatrixCell> cells, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.PriorityMatrix.RemoveRange(await db.PriorityMatrix.ToListAsync(ct));
        db.PriorityMatrix.AddRange(cells.Select(c => new PriorityMatrixCell { Impact = c.Impact, Urgency = c.Urgency, Priority = c.Priority }));
        await db.SaveChangesAsync(ct);
        cached = null;
    }
}

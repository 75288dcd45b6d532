using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Incidents;

/// <summary>
/// Allocates INC numbers from the NumberSequences row. Call inside the transaction that inserts the incident:
/// the UPDATE takes the write lock first, so concurrent creators queue up instead of colliding, and a rolled-back
/// insert gives its number back. Numbers are never reused.
/// </summary>
internal static class IncidentNumbers
{
    private const string Sequence = "Incident";

    public static async Task<int> NextAsync(AppDbContext db, CancellationToken ct)
    {
        var next = await db.Database
            .SqlQueryRaw<int>("""UPDATE "NumberSequences" SET "LastValue" = "LastValue" + 1 WHERE "Name" = {0} RETURNING "LastValue" AS "Value" """, Sequence)
            .ToListAsync(ct);
        if (next.Count == 1) return next[0];

        // First incident ever: start after any number already in use (data imported before the sequence existed).
        var start = await db.Incidents.MaxAsync(i => (int?)i.Number, ct) ?? 0;
        db.NumberSequences.Add(new NumberSequence { Name = Sequence, LastValue = start + 1 });
        await db.SaveChangesAsync(ct);
        return start + 1;
    }
}

using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Incidents;

public sealed record NewIncident(string Title, string Description, int ServiceId, Impact Impact, Urgency Urgency, int? CategoryId = null);

public sealed record IncidentRow(int Id, int Number, string Title, IncidentStatus Status, Priority Priority,
    string? Service, string? Team, string? Assignee, string Reporter, DateTime CreatedAt)
{
    public string Reference => Incident.FormatReference(Number);
}

public sealed class IncidentService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    private const int NumberAttempts = 5;

    /// <summary>Logs an incident reported by <paramref name="reporterId"/> and returns its reference.</summary>
    public async Task<Incident> ReportAsync(NewIncident input, string reporterId, IncidentSource source, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var service = await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == input.ServiceId && s.IsActive, ct)
                ?? throw new ArgumentException("Choose a service from the list.", nameof(input));
            // Next number = highest + 1; the unique index turns a race into a retry, never a duplicate.
            var next = (await db.Incidents.MaxAsync(i => (int?)i.Number, ct) ?? 0) + 1;
            var incident = Incident.Report(next, input.Title, input.Description, reporterId, input.Impact, input.Urgency,
                source, clock.GetUtcNow().UtcDateTime, service.Id, input.CategoryId);
            db.Incidents.Add(incident);
            try
            {
                await db.SaveChangesAsync(ct);
                return incident;
            }
            catch (DbUpdateException) when (attempt < NumberAttempts)
            {
                // Another request may have taken this number first: if so, go round again with the next one.
                if (!await NumberTakenAsync(next, ct)) throw;
            }
        }
    }

    private async Task<bool> NumberTakenAsync(int number, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Incidents.AnyAsync(i => i.Number == number, ct);
    }

    public async Task<List<IncidentRow>> ListReportedByAsync(string reporterId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Rows(db.Incidents.Where(i => i.ReporterId == reporterId).OrderByDescending(i => i.CreatedAt))
            .ToListAsync(ct);
    }

    public async Task<List<IncidentRow>> ListOpenAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Rows(db.Incidents
                .Where(i => i.Status != IncidentStatus.Resolved && i.Status != IncidentStatus.Closed && i.Status != IncidentStatus.Cancelled)
                .OrderBy(i => i.Priority).ThenBy(i => i.CreatedAt))
            .ToListAsync(ct);
    }

    private static IQueryable<IncidentRow> Rows(IQueryable<Incident> incidents) =>
        incidents.Select(i => new IncidentRow(i.Id, i.Number, i.Title, i.Status, i.Priority,
            i.Service!.Name, i.AssignmentGroup!.Name, i.Assignee!.DisplayName, i.Reporter!.DisplayName, i.CreatedAt));
}

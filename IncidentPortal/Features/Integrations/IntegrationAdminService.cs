using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Admin;
using IncidentPortal.Features.Alerts;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Integrations;

public sealed record IntegrationRow(int Id, string Name, IntegrationKind Kind, string TeamName, string? ServiceName,
    string KeyPrefix, bool IsEnabled, DateTime KeyIssuedAt, int OpenAlerts, DateTime? LastAlertAt, IntegrationSettings Settings);

/// <summary>An admin change that issued a key: <see cref="Key"/> is the only time the secret is available.</summary>
public sealed record KeyResult(AdminResult Result, string? Key);

/// <summary>What admins do to monitoring integrations: create (issuing a key), edit, rotate the key, disable, enable.</summary>
public sealed class IntegrationAdminService(IDbContextFactory<AppDbContext> dbFactory, IntegrationDirectory directory,
    IngestRateLimits limits, TimeProvider clock)
{
    public const string NameField = "Name";
    public const string TeamField = "Team";
    public const string CorrelationField = "Correlation";
    public const string RateLimitField = "RateLimit";

    public async Task<List<IntegrationRow>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.AlertIntegrations.AsNoTracking().OrderBy(i => i.Name)
            .Select(i => new
            {
                Integration = i,
                Team = db.Teams.Where(t => t.Id == i.TeamId).Select(t => t.Name).FirstOrDefault(),
                Service = db.Services.Where(s => s.Id == i.ServiceId).Select(s => s.Name).FirstOrDefault(),
                Open = db.Alerts.Count(a => a.IntegrationId == i.Id && a.Status != AlertStatus.Resolved),
                Last = db.Alerts.Where(a => a.IntegrationId == i.Id).Max(a => (DateTime?)a.LastSeenAt),
            }).ToListAsync(ct);
        return rows.Select(r => new IntegrationRow(r.Integration.Id, r.Integration.Name, r.Integration.Kind, r.Team ?? "", r.Service,
            r.Integration.KeyPrefix, r.Integration.IsEnabled, r.Integration.KeyIssuedAt, r.Open, r.Last, SettingsOf(r.Integration))).ToList();
    }

    public async Task<KeyResult> CreateAsync(Actor actor, IntegrationSettings settings, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ProblemAsync(db, null, settings, ct) is { } problem) return new KeyResult(problem, null);
        var key = IssuedKey.Generate();
        var integration = AlertIntegration.Create(settings, key, Now);
        db.AlertIntegrations.Add(integration);
        var result = await AdminResult.SaveAsync(db, () => integration.Id, Clash, ct);
        return new KeyResult(result, result.Succeeded ? key.Secret : null);
    }

    public async Task<AdminResult> UpdateAsync(Actor actor, int id, IntegrationSettings settings, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var integration = await db.AlertIntegrations.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (integration is null) return Gone;
        if (await ProblemAsync(db, id, settings, ct) is { } problem) return problem;
        integration.Apply(settings);
        return await SavedAsync(db, id, ct);
    }

    /// <summary>Issues a new key; the old one stops working at once.</summary>
    public async Task<KeyResult> RotateKeyAsync(Actor actor, int id, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var integration = await db.AlertIntegrations.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (integration is null) return new KeyResult(Gone, null);
        var key = IssuedKey.Generate();
        integration.UseKey(key, Now);
        var result = await SavedAsync(db, id, ct);
        return new KeyResult(result, result.Succeeded ? key.Secret : null);
    }

    public async Task<AdminResult> SetEnabledAsync(Actor actor, int id, bool enabled, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var integration = await db.AlertIntegrations.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (integration is null) return Gone;
        integration.SetEnabled(enabled);
        return await SavedAsync(db, id, ct);
    }

    private async Task<AdminResult> SavedAsync(AppDbContext db, int id, CancellationToken ct)
    {
        var result = await AdminResult.SaveAsync(db, () => id, Clash, ct);
        directory.Forget();
        limits.Reset(id);
        return result;
    }

    private static async Task<AdminResult?> ProblemAsync(AppDbContext db, int? id, IntegrationSettings s, CancellationToken ct)
    {
        var name = ReferenceNames.Clean(s.Name);
        var taken = await db.AlertIntegrations.Where(i => i.Id != id).Select(i => i.Name).ToListAsync(ct);
        if (ReferenceNames.Problem(name, "integration", taken) is { } nameProblem) return AdminResult.Invalid(NameField, nameProblem);
        if (!await db.Teams.AnyAsync(t => t.Id == s.TeamId, ct)) return AdminResult.Invalid(TeamField, "Choose the team that gets the incidents.");
        if (s.ServiceId is { } serviceId && !await db.Services.AnyAsync(x => x.Id == serviceId && x.IsActive, ct))
            return AdminResult.Refused("Choose a service from the list.");
        if (s.CategoryId is { } categoryId && !await db.Categories.AnyAsync(c => c.Id == categoryId && c.IsActive, ct))
            return AdminResult.Refused("Choose a category from the list.");
        if (s.CorrelationMinutes is < 0 or > 1440) return AdminResult.Invalid(CorrelationField, "Use 0 (off) to 1440 minutes.");
        if (s.RateLimitPerMinute is < 1 or > AlertIntegration.MaxRateLimitPerMinute)
            return AdminResult.Invalid(RateLimitField, $"Use 1 to {AlertIntegration.MaxRateLimitPerMinute:N0} requests per minute.");
        return null;
    }

    private static IntegrationSettings SettingsOf(AlertIntegration i) => new(i.Name, i.Kind, i.TeamId, i.ServiceId, i.CategoryId,
        i.CriticalPriority, i.ErrorPriority, i.WarningPriority, i.InfoPriority, i.OnRecovery, i.CorrelationMinutes, i.RateLimitPerMinute);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private static readonly AdminResult Gone = AdminResult.Refused("That integration no longer exists.");
    private static readonly AdminResult Clash = AdminResult.Invalid(NameField, "Another integration took that name a moment ago; choose another.");
}

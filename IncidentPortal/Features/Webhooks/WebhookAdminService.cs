using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Admin;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Webhooks;

public sealed record WebhookRow(int Id, string Name, string Url, WebhookEvents Events, IReadOnlyList<int> TeamIds,
    IReadOnlyList<Priority> Priorities, bool IsEnabled, DateTime SecretRotatedAt, WebhookLastAttempt? Last);

public sealed record WebhookLastAttempt(DateTime At, int? StatusCode, WebhookAttemptOutcome Outcome);

/// <summary>What came of a create or a secret rotation: the plain secret, shown to the admin this once.</summary>
public sealed record WebhookSecretResult(AdminResult Result, string? Secret);

/// <summary>What admins do to webhook endpoints: register, change, delete, rotate secrets; see WebhookAdminService.Deliveries.cs for the log.</summary>
public sealed partial class WebhookAdminService(IDbContextFactory<AppDbContext> dbFactory, WebhookSecrets secrets, TimeProvider clock)
{
    public const string NameField = "Name";
    public const string UrlField = nameof(WebhookEndpoint.Url);
    public const string EventsField = nameof(WebhookEndpoint.Events);
    public const string TeamsField = "Teams";

    public async Task<List<WebhookRow>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var endpoints = await db.WebhookEndpoints.AsNoTracking().OrderBy(e => e.Name).ToListAsync(ct);
        var ids = endpoints.Select(e => e.Id).ToList();
        var lastIds = await db.WebhookDeliveries.Where(d => ids.Contains(d.EndpointId))
            .GroupBy(d => d.EndpointId).Select(g => g.Max(d => d.Id)).ToListAsync(ct);
        var last = await db.WebhookDeliveries.AsNoTracking().Where(d => lastIds.Contains(d.Id))
            .ToDictionaryAsync(d => d.EndpointId, d => new WebhookLastAttempt(d.AttemptedAt, d.StatusCode, d.Outcome), ct);
        return endpoints.Select(e => new WebhookRow(e.Id, e.Name, e.Url, e.Events, e.TeamIds, e.Priorities, e.IsEnabled,
            e.SecretRotatedAt, last.GetValueOrDefault(e.Id))).ToList();
    }

    public async Task<WebhookSecretResult> CreateAsync(Actor actor, WebhookSettings settings, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ProblemAsync(db, null, settings, ct) is { } problem) return new(problem, null);
        var secret = WebhookSecrets.Generate();
        var endpoint = WebhookEndpoint.Create(settings, secrets.Protect(secret), Now);
        db.WebhookEndpoints.Add(endpoint);
        var result = await SaveAsync(db, endpoint, ct);
        return new(result, result.Succeeded ? secret : null);
    }

    public async Task<AdminResult> UpdateAsync(Actor actor, int endpointId, WebhookSettings settings, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.Id == endpointId, ct);
        if (endpoint is null) return Gone;
        if (await ProblemAsync(db, endpointId, settings, ct) is { } problem) return problem;
        endpoint.Change(settings, Now);
        return await SaveAsync(db, endpoint, ct);
    }

    /// <summary>A new secret replaces the old one at once; deliveries still waiting to be retried are signed with the new one.</summary>
    public async Task<WebhookSecretResult> RotateSecretAsync(Actor actor, int endpointId, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.Id == endpointId, ct);
        if (endpoint is null) return new(Gone, null);
        var secret = WebhookSecrets.Generate();
        endpoint.RotateSecret(secrets.Protect(secret), Now);
        await db.SaveChangesAsync(ct);
        return new(AdminResult.Done(endpointId), secret);
    }

    /// <summary>Deletes the endpoint and its delivery log; queued deliveries to it are dropped when their turn comes.</summary>
    public async Task<AdminResult> DeleteAsync(Actor actor, int endpointId, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.Id == endpointId, ct);
        if (endpoint is null) return Gone;
        db.WebhookEndpoints.Remove(endpoint);
        await db.SaveChangesAsync(ct);
        return AdminResult.Done(endpointId);
    }

    /// <summary>The teams an endpoint can be limited to.</summary>
    public async Task<List<Choice<int>>> TeamChoicesAsync(Actor actor, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new Choice<int>(t.Id, t.Name)).ToListAsync(ct);
    }

    private static async Task<AdminResult?> ProblemAsync(AppDbContext db, int? endpointId, WebhookSettings settings, CancellationToken ct)
    {
        var others = await db.WebhookEndpoints.Where(e => e.Id != endpointId).Select(e => e.Name).ToListAsync(ct);
        if (ReferenceNames.Problem(ReferenceNames.Clean(settings.Name), "webhook", others) is { } nameProblem)
            return AdminResult.Invalid(NameField, nameProblem);
        if (WebhookEndpoint.Problems(settings).FirstOrDefault() is ({ } field, { } message)) return AdminResult.Invalid(field, message);
        var teamIds = settings.TeamIds.Distinct().ToList();
        if (teamIds.Count > 0 && await db.Teams.CountAsync(t => teamIds.Contains(t.Id), ct) != teamIds.Count)
            return AdminResult.Invalid(TeamsField, "One of the chosen teams no longer exists; reload and choose again.");
        return null;
    }

    private static Task<AdminResult> SaveAsync(AppDbContext db, WebhookEndpoint endpoint, CancellationToken ct) =>
        AdminResult.SaveAsync(db, () => endpoint.Id, AdminResult.Invalid(NameField, $"There is already a webhook called \"{endpoint.Name}\"."), ct);

    private static readonly AdminResult Gone = AdminResult.Refused("That webhook no longer exists; someone else deleted it.");

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}

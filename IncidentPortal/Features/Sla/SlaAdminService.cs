using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Admin;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Sla;

public sealed record SlaTargetInput(Priority Priority, int ResponseMinutes, int ResolutionMinutes, int CalendarId);

public sealed record SlaPolicyInput(string Name, int? ServiceId, int WarningPercent, IReadOnlyList<OnHoldReason> Pausing,
    IReadOnlyList<SlaTargetInput> Targets, int? Version = null);

public sealed record SlaPolicyRow(int Id, string Name, int? ServiceId, string? ServiceName, int WarningPercent,
    IReadOnlyList<OnHoldReason> Pausing, IReadOnlyList<SlaTargetRow> Targets, int Version);

public sealed record SlaTargetRow(Priority Priority, int ResponseMinutes, int ResolutionMinutes, int CalendarId, string CalendarName);

public sealed record SlaChoice(int Id, string Name);

/// <summary>
/// Admins' SLA policies. Saving one queues the recomputation of every open incident's clocks in the same transaction
/// (<see cref="SlaRecomputer"/>), so the change and its consequences cannot part ways.
/// </summary>
public sealed class SlaAdminService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const string NameField = "Name";
    public const string ServiceField = "Service";
    public const string WarningField = "Warning";
    public static string TargetField(Priority priority) => $"Target{priority}";

    public async Task<List<SlaPolicyRow>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var policies = await db.SlaPolicies.AsNoTracking().Include(p => p.Targets).ThenInclude(t => t.Calendar).ToListAsync(ct);
        var services = await db.Services.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return policies.OrderBy(p => p.ServiceId is not null).ThenBy(p => p.Name)
            .Select(p => new SlaPolicyRow(p.Id, p.Name, p.ServiceId, p.ServiceId is { } s ? services.GetValueOrDefault(s) : null,
                (int)Math.Round(p.WarningFraction * 100), p.Pausing.Order().ToList(),
                p.Targets.OrderBy(t => t.Priority).Select(t => new SlaTargetRow(t.Priority, t.ResponseMinutes, t.ResolutionMinutes,
                    t.CalendarId, t.Calendar?.Name ?? "?")).ToList(), p.Version))
            .ToList();
    }

    public async Task<(List<SlaChoice> Calendars, List<SlaChoice> Services)> ChoicesAsync(Actor actor, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var calendars = await db.BusinessCalendars.OrderBy(c => c.Name).Select(c => new SlaChoice(c.Id, c.Name)).ToListAsync(ct);
        var services = await db.Services.OrderBy(s => s.Name).Select(s => new SlaChoice(s.Id, s.Name)).ToListAsync(ct);
        return (calendars, services);
    }

    /// <summary>Creates (<paramref name="policyId"/> null) or updates a policy. Only one default and one policy per service.</summary>
    public async Task<AdminResult> SaveAsync(Actor actor, int? policyId, SlaPolicyInput input, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        SlaPolicy? policy = null;
        if (policyId is { } id)
        {
            policy = await db.SlaPolicies.Include(p => p.Targets).SingleOrDefaultAsync(p => p.Id == id, ct);
            if (policy is null) return AdminResult.Refused("This policy no longer exists; reload the page.");
            if (input.Version is { } seen && seen != policy.Version)
                return AdminResult.Refused("Someone else changed this policy meanwhile; reload the page to see their change.");
            if (policy.ServiceId != input.ServiceId) return AdminResult.Invalid(ServiceField, "A policy's service cannot be changed; create a new policy instead.");
        }
        else if (await db.SlaPolicies.AnyAsync(p => p.ServiceId == input.ServiceId, ct))
            return AdminResult.Invalid(ServiceField, input.ServiceId is null ? "There is already a default policy." : "That service already has a policy.");
        if (input.ServiceId is { } serviceId && !await db.Services.AnyAsync(s => s.Id == serviceId, ct))
            return AdminResult.Invalid(ServiceField, "Choose a service from the list.");
        if (input.WarningPercent is < 1 or > 99) return AdminResult.Invalid(WarningField, "Warn at a share between 1 and 99 %.");

        var calendars = await db.BusinessCalendars.ToDictionaryAsync(c => c.Id, ct);
        var targets = new List<SlaTarget>();
        foreach (var priority in Enum.GetValues<Priority>())
        {
            var given = input.Targets.Where(t => t.Priority == priority).ToList();
            if (given.Count != 1) return AdminResult.Invalid(TargetField(priority), $"Give the {priority} targets.");
            var t = given[0];
            if (!calendars.TryGetValue(t.CalendarId, out var calendar)) return AdminResult.Invalid(TargetField(priority), $"{priority}: choose a calendar.");
            try { targets.Add(SlaTarget.For(priority, TimeSpan.FromMinutes(t.ResponseMinutes), TimeSpan.FromMinutes(t.ResolutionMinutes), calendar)); }
            catch (SlaRuleException e) { return AdminResult.Invalid(TargetField(priority), e.Message); }
        }
        try
        {
            if (policy is null) db.SlaPolicies.Add(policy = SlaPolicy.Create(input.Name, input.ServiceId, targets, input.WarningPercent / 100.0, input.Pausing));
            else policy.Update(input.Name, input.WarningPercent / 100.0, input.Pausing, targets);
        }
        catch (SlaRuleException e)
        {
            return AdminResult.Invalid(NameField, e.Message);
        }
        SlaRecomputer.Enqueue(db, $"a change to the SLA policy \"{policy.Name}\"", clock.GetUtcNow().UtcDateTime);
        return await AdminResult.SaveAsync(db, () => policy.Id,
            AdminResult.Refused("Someone else changed the SLA policies meanwhile; reload the page and try again."), ct);
    }

    /// <summary>Deletes a service's policy (its incidents fall back to the default). The default policy stays.</summary>
    public async Task<AdminResult> DeleteAsync(Actor actor, int policyId, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var policy = await db.SlaPolicies.SingleOrDefaultAsync(p => p.Id == policyId, ct);
        if (policy is null) return AdminResult.Done();
        if (policy.IsDefault) return AdminResult.Refused("The default policy cannot be deleted; change its targets instead.");
        db.SlaPolicies.Remove(policy);
        SlaRecomputer.Enqueue(db, $"the removal of the SLA policy \"{policy.Name}\"", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return AdminResult.Done();
    }

    /// <summary>Creates the starting calendars and default policy when there is none (the admin page offers it).</summary>
    public async Task<AdminResult> CreateDefaultsAsync(Actor actor, string timeZoneId, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            if (!await SlaDefaults.EnsureAsync(db, timeZoneId, ct)) return AdminResult.Refused("There are SLA policies already.");
        }
        catch (CalendarRuleException e)
        {
            return AdminResult.Invalid("TimeZone", e.Message);
        }
        SlaRecomputer.Enqueue(db, "the SLA set-up", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return AdminResult.Done();
    }
}

using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Admin;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.StatusPage;

public sealed record StatusComponentRow(int Id, string Name, string? Description, string? GroupName, int DisplayOrder, bool IsVisible,
    int? ServiceId, string? ServiceName, ComponentStatus Status, DateTime StatusChangedAt, ComponentStatus? OverrideStatus, string? OverrideReason, string? StaleFor = null)
{
    /// <summary>Flagged stale: <see cref="StaleFor"/> names the public incident the status has not kept up with.</summary>
    public bool IsStale => StaleFor is not null;
}

public sealed record StatusComponentInput(string Name, string? Description, string? GroupName, int DisplayOrder, bool IsVisible, int? ServiceId);

public sealed record ServiceOption(int Id, string Name, string Description);

/// <summary>
/// What incident managers and admins do to the list of public components: add one for a catalogue service (its
/// public name may differ) or a free-standing one, group and order them, hide them. A new component starts operational.
/// </summary>
public sealed class StatusComponentAdminService(IDbContextFactory<AppDbContext> dbFactory, IEventBus events, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<StatusPageOptions> options)
{
    public const string NameField = "Name";
    public const string DescriptionField = "Description";
    public const string GroupField = "Group";
    public const string ServiceField = "Service";

    public async Task<List<StatusComponentRow>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        StatusService.RequireManager(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.StatusComponents.AsNoTracking()
            .Select(c => new StatusComponentRow(c.Id, c.Name, c.Description, c.GroupName, c.DisplayOrder, c.IsVisible, c.ServiceId,
                db.Services.Where(s => s.Id == c.ServiceId).Select(s => s.Name).FirstOrDefault(), c.Status, c.StatusChangedAt,
                c.OverrideStatus, c.OverrideReason))
            .ToListAsync(ct);
        var stale = await StaleComponentsAsync(db, ct);
        rows = rows.Select(r => r with { StaleFor = stale.GetValueOrDefault(r.Id) }).ToList();
        return rows.OrderBy(r => r.GroupName ?? "\uffff").ThenBy(r => r.DisplayOrder).ThenBy(r => r.Name).ToList();
    }

    /// <summary>
    /// Components whose status has not changed for <see cref="StatusPageOptions.StaleAfterMinutes"/> while a public incident
    /// that affects THEM on the page has been open that long, with the incident meant (the oldest such one): the page may be
    /// telling a stale story. Internal incidents never count: a component no public incident affects is never stale.
    /// </summary>
    private async Task<Dictionary<int, string>> StaleComponentsAsync(AppDbContext db, CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddMinutes(-Math.Max(1, options.Value.StaleAfterMinutes));
        var open = await (
                from c in db.StatusComponents
                where c.StatusChangedAt <= cutoff
                join impact in db.Set<PublicIncidentImpact>() on c.Id equals impact.ComponentId
                join p in db.PublicIncidents on impact.PublicIncidentId equals p.Id
                where p.Phase != IncidentPhase.Resolved && p.CreatedAt <= cutoff
                join i in db.Incidents on p.IncidentId equals i.Id
                select new { ComponentId = c.Id, i.Number, p.Title, p.CreatedAt })
            .ToListAsync(ct);
        return open.GroupBy(o => o.ComponentId).ToDictionary(g => g.Key, g => g.OrderBy(o => o.CreatedAt).Select(o =>
            $"{Incidents.Incident.FormatReference(o.Number)} “{o.Title}”").First());
    }

    /// <summary>Catalogue services not shown on the page yet.</summary>
    public async Task<List<ServiceOption>> UnlistedServicesAsync(Actor actor, CancellationToken ct = default)
    {
        StatusService.RequireManager(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Services.Where(s => s.IsActive && !db.StatusComponents.Any(c => c.ServiceId == s.Id)).OrderBy(s => s.Name)
            .Select(s => new ServiceOption(s.Id, s.Name, s.Description)).ToListAsync(ct);
    }

    public async Task<AdminResult> CreateAsync(Actor actor, StatusComponentInput input, CancellationToken ct = default)
    {
        StatusService.RequireManager(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ProblemAsync(db, null, input, ct) is { } problem) return problem;
        var now = clock.GetUtcNow().UtcDateTime;
        var component = StatusComponent.Create(input.Name, input.Description, input.GroupName, input.DisplayOrder, input.ServiceId, now);
        if (!input.IsVisible) component.Describe(input.Name, input.Description, input.GroupName, input.DisplayOrder, false);
        db.StatusComponents.Add(component);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var saved = await AdminResult.SaveAsync(db, () => component.Id, Clash, ct);
        if (!saved.Succeeded) return saved;
        db.ComponentStatusPeriods.Add(ComponentStatusPeriod.Begin(component.Id, ComponentStatus.Operational, now, null));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await events.PublishAsync(new StatusPageChanged(now));
        return saved;
    }

    public async Task<AdminResult> UpdateAsync(Actor actor, int componentId, StatusComponentInput input, CancellationToken ct = default)
    {
        StatusService.RequireManager(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var component = await db.StatusComponents.SingleOrDefaultAsync(c => c.Id == componentId, ct);
        if (component is null) return Gone;
        if (await ProblemAsync(db, componentId, input with { ServiceId = component.ServiceId }, ct) is { } problem) return problem;
        component.Describe(input.Name, input.Description, input.GroupName, input.DisplayOrder, input.IsVisible);
        var saved = await AdminResult.SaveAsync(db, () => component.Id, Clash, ct);
        if (saved.Succeeded) await events.PublishAsync(new StatusPageChanged(clock.GetUtcNow().UtcDateTime));
        return saved;
    }

    /// <summary>Deletes a component and its history; refused while an open public incident or maintenance names it.</summary>
    public async Task<AdminResult> DeleteAsync(Actor actor, int componentId, CancellationToken ct = default)
    {
        StatusService.RequireManager(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var component = await db.StatusComponents.SingleOrDefaultAsync(c => c.Id == componentId, ct);
        if (component is null) return Gone;
        var inIncident = await db.Set<PublicIncidentImpact>().AnyAsync(i => i.ComponentId == componentId, ct);
        var inMaintenance = await db.Set<MaintenanceComponent>().AnyAsync(m => m.ComponentId == componentId
            && db.ScheduledMaintenances.Any(s => s.Id == m.MaintenanceId && (s.State == MaintenanceState.Scheduled || s.State == MaintenanceState.InProgress)), ct);
        if (inIncident || inMaintenance)
            return AdminResult.Refused($"{component.Name} cannot be deleted while an open public incident or planned maintenance affects it. Hide it instead.");
        db.StatusComponents.Remove(component);
        var saved = await AdminResult.SaveAsync(db, () => componentId, Clash, ct);
        if (saved.Succeeded) await events.PublishAsync(new StatusPageChanged(clock.GetUtcNow().UtcDateTime));
        return saved;
    }

    private static async Task<AdminResult?> ProblemAsync(AppDbContext db, int? componentId, StatusComponentInput input, CancellationToken ct)
    {
        var others = await db.StatusComponents.Where(c => c.Id != componentId).Select(c => c.Name).ToListAsync(ct);
        if (ReferenceNames.Problem(ReferenceNames.Clean(input.Name), "component", others) is { } nameProblem)
            return AdminResult.Invalid(NameField, nameProblem);
        if (ReferenceNames.DescriptionProblem(ReferenceNames.Clean(input.Description)) is { } descriptionProblem)
            return AdminResult.Invalid(DescriptionField, descriptionProblem);
        if (ReferenceNames.Clean(input.GroupName).Length > StatusComponent.MaxNameLength)
            return AdminResult.Invalid(GroupField, $"Keep the group name under {StatusComponent.MaxNameLength} characters.");
        if (input.ServiceId is { } serviceId && componentId is null)
        {
            if (!await db.Services.AnyAsync(s => s.Id == serviceId, ct)) return AdminResult.Invalid(ServiceField, "That service no longer exists.");
            if (await db.StatusComponents.AnyAsync(c => c.ServiceId == serviceId, ct))
                return AdminResult.Invalid(ServiceField, "That service is already on the status page.");
        }
        return null;
    }

    private static readonly AdminResult Clash = AdminResult.Refused("Not saved: someone else changed the components at the same time. Reload and try again.");
    private static readonly AdminResult Gone = AdminResult.Refused("That component no longer exists; someone else deleted it.");
}

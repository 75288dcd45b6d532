using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Admin;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Catalog;

public sealed record ServiceRow(int Id, string Name, string Description, int? SupportTeamId, string? SupportTeamName,
    bool IsActive, int OpenIncidentCount, int IncidentCount);

public sealed record ServiceInput(string Name, string Description, int? SupportTeamId, bool IsActive);

public sealed record TeamChoice(int Id, string Name);

/// <summary>
/// What admins do to the service catalogue. An inactive service leaves the report form but stays on the
/// incidents that name it; only a service no incident names can be deleted.
/// </summary>
public sealed class ServiceCatalogAdminService(IDbContextFactory<AppDbContext> dbFactory)
{
    public const string NameField = "Name";
    public const string DescriptionField = "Description";
    public const string SupportTeamField = "SupportTeam";

    public async Task<List<ServiceRow>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Services.AsNoTracking().OrderBy(s => s.Name)
            .Select(s => new ServiceRow(s.Id, s.Name, s.Description, s.SupportTeamId,
                db.Teams.Where(t => t.Id == s.SupportTeamId).Select(t => t.Name).FirstOrDefault(), s.IsActive,
                db.Incidents.Count(i => i.ServiceId == s.Id && IncidentLifecycle.OpenStatuses.Contains(i.Status)),
                db.Incidents.Count(i => i.ServiceId == s.Id)))
            .ToListAsync(ct);
    }

    public async Task<List<TeamChoice>> TeamsAsync(Actor actor, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Teams.OrderBy(t => t.Name).Select(t => new TeamChoice(t.Id, t.Name)).ToListAsync(ct);
    }

    public async Task<AdminResult> CreateAsync(Actor actor, ServiceInput input, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ProblemAsync(db, null, input, ct) is { } problem) return problem;
        var service = new BusinessService();
        Apply(service, input);
        db.Services.Add(service);
        return await SaveAsync(db, service, ct);
    }

    public async Task<AdminResult> UpdateAsync(Actor actor, int serviceId, ServiceInput input, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var service = await db.Services.SingleOrDefaultAsync(s => s.Id == serviceId, ct);
        if (service is null) return Gone;
        if (await ProblemAsync(db, serviceId, input, ct) is { } problem) return problem;
        Apply(service, input);
        return await SaveAsync(db, service, ct);
    }

    public async Task<AdminResult> SetActiveAsync(Actor actor, int serviceId, bool active, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var service = await db.Services.SingleOrDefaultAsync(s => s.Id == serviceId, ct);
        if (service is null) return Gone;
        service.IsActive = active;
        await db.SaveChangesAsync(ct);
        return AdminResult.Done(serviceId);
    }

    public async Task<AdminResult> DeleteAsync(Actor actor, int serviceId, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var service = await db.Services.SingleOrDefaultAsync(s => s.Id == serviceId, ct);
        if (service is null) return Gone;
        var incidents = await db.Incidents.CountAsync(i => i.ServiceId == serviceId, ct);
        if (incidents > 0)
            return AdminResult.Refused($"{service.Name} cannot be deleted: {Infrastructure.Text.Plural.Count(incidents, "incident")} name it. " +
                "Deactivate it instead: it leaves the report form and old incidents keep it.");
        db.Services.Remove(service);
        await db.SaveChangesAsync(ct);
        return AdminResult.Done(serviceId);
    }

    private static void Apply(BusinessService service, ServiceInput input)
    {
        service.Name = ReferenceNames.Clean(input.Name);
        service.Description = ReferenceNames.Clean(input.Description);
        service.SupportTeamId = input.SupportTeamId;
        service.IsActive = input.IsActive;
    }

    private static async Task<AdminResult?> ProblemAsync(AppDbContext db, int? serviceId, ServiceInput input, CancellationToken ct)
    {
        var others = await db.Services.Where(s => s.Id != serviceId).Select(s => s.Name).ToListAsync(ct);
        if (ReferenceNames.Problem(ReferenceNames.Clean(input.Name), "service", others) is { } nameProblem)
            return AdminResult.Invalid(NameField, nameProblem);
        if (ReferenceNames.DescriptionProblem(ReferenceNames.Clean(input.Description)) is { } descriptionProblem)
            return AdminResult.Invalid(DescriptionField, descriptionProblem);
        if (input.SupportTeamId is { } teamId && !await db.Teams.AnyAsync(t => t.Id == teamId, ct))
            return AdminResult.Invalid(SupportTeamField, "That team no longer exists; choose another.");
        return null;
    }

    private static Task<AdminResult> SaveAsync(AppDbContext db, BusinessService service, CancellationToken ct) =>
        AdminResult.SaveAsync(db, () => service.Id, AdminResult.Refused("Not saved: someone else changed the catalogue at the same time. Reload and try again."), ct);

    private static readonly AdminResult Gone = AdminResult.Refused("That service no longer exists; someone else deleted it.");
}

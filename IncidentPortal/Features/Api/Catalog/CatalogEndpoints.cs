using System.Security.Claims;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Api.Incidents;
using IncidentPortal.Features.Api.Keys;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Api.Catalog;

public sealed record ApiService(int Id, string Name, string Description, ApiRef? SupportTeam, bool IsActive);

public sealed record ApiCategory(int Id, string Name, IReadOnlyList<ApiRef> Subcategories);

public sealed record ApiTeam(int Id, string Name, IReadOnlyList<ApiPerson> Members);

/// <param name="KeyScope">Read or ReadWrite when signed in with an API key; null with the browser cookie.</param>
public sealed record ApiMe(string Id, string Name, IReadOnlyList<string> Roles, ApiKeyScope? KeyScope);

/// <summary>What incidents refer to: services, categories and teams, as the report form and the workspace offer them.</summary>
public static class CatalogEndpoints
{
    public static void MapCatalog(this RouteGroupBuilder api)
    {
        api.MapGet("/services", ServicesAsync).WithTags("Catalog").WithName("listServices").WithSummary("List services")
            .WithDescription("The services an incident can be reported against, with the team that supports each. Retired services are not listed.");
        api.MapGet("/categories", CategoriesAsync).WithTags("Catalog").WithName("listCategories").WithSummary("List categories")
            .WithDescription("Active categories, each with its active subcategories; an incident takes either.");
        api.MapGet("/teams", TeamsAsync).WithTags("Catalog").WithName("listTeams").WithSummary("List teams")
            .WithDescription("Agents only: the assignment groups and their members (the ids to assign with).")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/me", Me).WithTags("Account").WithName("getMe").WithSummary("Who am I")
            .WithDescription("The user the request acts as, their roles, and the API key's scope when one was used.");
    }

    private static async Task<Ok<List<ApiService>>> ServicesAsync(IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var services = await db.Services.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, s.Description, s.IsActive, Team = db.Teams.Where(t => t.Id == s.SupportTeamId).Select(t => new ApiRef(t.Id, t.Name)).FirstOrDefault() })
            .ToListAsync(ct);
        return TypedResults.Ok(services.Select(s => new ApiService(s.Id, s.Name, s.Description, s.Team, s.IsActive)).ToList());
    }

    private static async Task<Ok<List<ApiCategory>>> CategoriesAsync(IncidentChoices choices, CancellationToken ct)
    {
        var lists = await choices.LoadAsync(ct: ct);
        return TypedResults.Ok(lists.Categories
            .Select(c => new ApiCategory(c.Id, c.Name, c.Subcategories.Select(s => new ApiRef(s.Id, s.Name)).ToList())).ToList());
    }

    private static async Task<Results<Ok<List<ApiTeam>>, ProblemHttpResult>> TeamsAsync(ClaimsPrincipal user, IncidentChoices choices, CancellationToken ct)
    {
        if (!Actor.From(user).IsStaff) return ApiErrors.Problem(StatusCodes.Status403Forbidden, "Teams and their members are for agents.");
        var lists = await choices.LoadAsync(ct: ct);
        return TypedResults.Ok(lists.Teams.Select(t => new ApiTeam(t.Id, t.Name, t.Members.Select(m => new ApiPerson(m.Id, m.Name)).ToList())).ToList());
    }

    private static Ok<ApiMe> Me(ClaimsPrincipal user)
    {
        var actor = Actor.From(user);
        return TypedResults.Ok(new ApiMe(actor.UserId, actor.Name, Roles.All.Where(user.IsInRole).ToList(), ApiPrincipal.KeyScope(user)));
    }
}

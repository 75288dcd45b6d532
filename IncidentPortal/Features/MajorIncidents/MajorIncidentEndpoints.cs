using System.Security.Claims;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Api;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IncidentPortal.Features.MajorIncidents;

public sealed record ApiMajorIncidentRow(int Id, int IncidentId, string Reference, string Title, Severity? Severity, MajorIncidentState State,
    string? Commander, DateTime StartedAt, DateTime? EndedAt, int LinkedIncidents, DateTime? NextUpdateDue);

public sealed record ApiResponseRole(ResponseRole Role, string UserId, string Name, DateTime Since);

public sealed record ApiLogEntry(long Id, LogEntryKind Kind, string Text, string Actor, DateTime At, bool Pinned);

public sealed record ApiMajorIncident(int Id, int IncidentId, string Reference, string Title, MajorIncidentState State, Severity? Severity,
    DateTime? DeclaredAt, DateTime? MitigatedAt, DateTime? ResolvedAt, string? BridgeUrl, DateTime? NextUpdateDue,
    IReadOnlyList<ApiResponseRole> Roles, IReadOnlyList<int> LinkedIncidentIds, IReadOnlyList<ApiLogEntry> Log);

public sealed record ApiProposal(string? Reason);

public sealed record ApiDeclaration(Severity? Severity, string? CommanderId, string? Reason);

public sealed record ApiLogPost(LogEntryKind? Kind, string? Text);

public sealed record ApiLinks(IReadOnlyList<int>? IncidentIds);

/// <summary>/api/v1/major-incidents: staff only (reporters get 404 as for any incident not theirs), by the service's rules.</summary>
public static class MajorIncidentEndpoints
{
    public static void MapMajorIncidents(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/major-incidents").WithTags("Major incidents").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("", ListAsync).WithName("listMajorIncidents").WithSummary("List major incidents")
            .WithDescription("Agents only. view = active (default), proposed or closed.");
        group.MapGet("/{id:int}", GetAsync).WithName("getMajorIncident").WithSummary("Get a major incident")
            .WithDescription("Agents only: state, severity, roles, linked incidents, the next update due and the war-room log.");
        group.MapPost("/{id:int}/log", PostAsync).WithName("postToMajorIncidentLog").WithSummary("Post to the war-room log")
            .WithDescription("A note, fact or decision (kind), as in the war room.").ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesValidationProblem().RequireWriteAccess();
        group.MapPost("/{id:int}/children", LinkAsync).WithName("linkToMajorIncident").WithSummary("Link incidents as children")
            .WithDescription("All or none: an incident already part of another major incident refuses the request.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesValidationProblem().RequireWriteAccess();
        api.MapPost("/incidents/{incident:int}/major-incident/proposal", ProposeAsync).WithTags("Major incidents").WithName("proposeMajorIncident")
            .WithSummary("Propose an incident as a major incident").WithDescription("Agents; the reason is required. Incident managers accept or reject it.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity).RequireWriteAccess();
        api.MapPost("/incidents/{incident:int}/major-incident", DeclareAsync).WithTags("Major incidents").WithName("declareMajorIncident")
            .WithSummary("Declare a major incident").WithDescription("Incident managers and admins: severity (Sev1–Sev3) and commander are required.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesValidationProblem()
            .RequireWriteAccess();
    }

    private static async Task<Ok<List<ApiMajorIncidentRow>>> ListAsync(ClaimsPrincipal user, MajorIncidentQueries queries, TimeProvider clock,
        string? view, CancellationToken ct)
    {
        var chosen = Enum.TryParse<MajorIncidentListView>(view, ignoreCase: true, out var v) && Enum.IsDefined(v) ? v : MajorIncidentListView.Active;
        var rows = await queries.ListAsync(Actor.From(user), chosen, clock.GetUtcNow().UtcDateTime, ct);
        return TypedResults.Ok(rows.Select(r => new ApiMajorIncidentRow(r.Id, r.IncidentId, r.Reference, r.Title, r.Severity, r.State, r.Commander,
            r.StartedAt, r.EndedAt, r.Children, r.NextUpdateDue)).ToList());
    }

    private static async Task<Ok<ApiMajorIncident>> GetAsync(int id, ClaimsPrincipal user, IDbContextFactory<AppDbContext> dbFactory,
        IOptionsMonitor<MajorIncidentOptions> options, TimeProvider clock, CancellationToken ct)
    {
        if (!Actor.From(user).IsStaff) throw new MajorIncidentNotFoundException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var major = await db.MajorIncidents.AsNoTracking().Include(m => m.Roles).Include(m => m.Log).Include(m => m.Children).AsSplitQuery()
            .SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new MajorIncidentNotFoundException();
        var incident = await db.Incidents.Where(i => i.Id == major.IncidentId).Select(i => new { i.Number, i.Title }).SingleAsync(ct);
        var cadence = CommunicationCadence.At(major, options.CurrentValue, clock.GetUtcNow().UtcDateTime);
        return TypedResults.Ok(new ApiMajorIncident(major.Id, major.IncidentId, Incident.FormatReference(incident.Number), incident.Title, major.State,
            major.Severity, major.DeclaredAt, major.MitigatedAt, major.ResolvedAt, major.BridgeUrl, cadence?.DueAt,
            major.Current.Select(r => new ApiResponseRole(r.Role, r.UserId, r.Name, r.AssignedAt)).ToList(),
            major.Children.Select(c => c.IncidentId).Order().ToList(),
            major.Log.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new ApiLogEntry(e.Id, e.Kind, e.Text, e.ActorName, e.At, e.Pinned)).ToList()));
    }

    private static async Task<Results<NoContent, ValidationProblem>> PostAsync(int id, ApiLogPost body, ClaimsPrincipal user,
        MajorIncidentService majors, CancellationToken ct)
    {
        if (body.Kind is not ({ } kind and (LogEntryKind.Note or LogEntryKind.Fact or LogEntryKind.Decision)))
            return ApiErrors.Invalid("kind", "Say what it is: Note, Fact or Decision.");
        if (string.IsNullOrWhiteSpace(body.Text)) return ApiErrors.Invalid("text", "Write the entry.");
        await majors.PostAsync(Actor.From(user), id, kind, body.Text, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ValidationProblem>> LinkAsync(int id, ApiLinks body, ClaimsPrincipal user,
        MajorIncidentService majors, CancellationToken ct)
    {
        if (body.IncidentIds is not { Count: > 0 } ids) return ApiErrors.Invalid("incidentIds", "List the ids of the incidents to link.");
        await majors.LinkAsync(Actor.From(user), id, ids, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Created<ApiMajorIncidentRef>> ProposeAsync(int incident, ApiProposal body, ClaimsPrincipal user,
        MajorIncidentService majors, CancellationToken ct)
    {
        var id = await majors.ProposeAsync(Actor.From(user), incident, body.Reason, ct);
        return TypedResults.Created($"/api/v1/major-incidents/{id}", new ApiMajorIncidentRef(id));
    }

    private static async Task<Results<Created<ApiMajorIncidentRef>, ValidationProblem>> DeclareAsync(int incident, ApiDeclaration body,
        ClaimsPrincipal user, MajorIncidentService majors, CancellationToken ct)
    {
        if (body.Severity is not { } severity || !Enum.IsDefined(severity)) return ApiErrors.Invalid("severity", "Choose a severity: Sev1, Sev2 or Sev3.");
        if (string.IsNullOrWhiteSpace(body.CommanderId)) return ApiErrors.Invalid("commanderId", "Name the incident commander (a user id).");
        var id = await majors.DeclareAsync(Actor.From(user), incident, severity, body.CommanderId, body.Reason, ct);
        return TypedResults.Created($"/api/v1/major-incidents/{id}", new ApiMajorIncidentRef(id));
    }
}

public sealed record ApiMajorIncidentRef(int Id);

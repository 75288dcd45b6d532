using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IncidentPortal.Features.Api.Incidents;

/// <summary>Creating and changing incidents, through <see cref="IncidentService"/> and its rules only.</summary>
public static class IncidentWriteEndpoints
{
    public static void MapIncidentWrites(this RouteGroupBuilder incidents)
    {
        incidents.MapPost("", CreateAsync).WithName("createIncident").WithSummary("Report an incident")
            .WithDescription("Routed to the service's support team like a report from the portal. Agents may log it for a caller (reporterId).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity).RequireWriteAccess();
        incidents.MapPatch("/{incident}", IncidentPatchEndpoint.PatchAsync).WithName("updateIncident").WithSummary("Change an incident's fields")
            .WithDescription("Agents only. Send only the fields to change. With If-Match: \"<version>\" the change is refused (412) if anyone changed the incident since.")
            .Accepts<ApiIncidentPatch>("application/json", "application/merge-patch+json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).RequireWriteAccess();
        incidents.MapPost("/{incident}/transitions", TransitionAsync).WithName("transitionIncident").WithSummary("Move an incident's status")
            .WithDescription("start, hold (holdReason), resolve (resolutionCode, notes), close, cancel (reason) or reopen (comment), by the same rules as the workspace. Reporters may only reopen their own resolved incident.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).RequireWriteAccess();
        incidents.MapPost("/{incident}/comments", CommentAsync).WithName("commentOnIncident").WithSummary("Comment on an incident")
            .WithDescription("A public comment (the reporter sees it) or, for agents, an internal work note. Reporters may only comment publicly on their own incidents.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireWriteAccess();
    }

    private static async Task<Results<Created<ApiIncident>, ValidationProblem>> CreateAsync(ApiNewIncident body, ClaimsPrincipal user,
        IncidentService incidents, IncidentQueries queries, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Title)) return ApiErrors.Invalid("title", "The title is required.");
        if (body.Title.Trim().Length > Incident.MaxTitleLength) return ApiErrors.Invalid("title", $"The title can be at most {Incident.MaxTitleLength} characters.");
        if (body.Impact is not { } impact || !Enum.IsDefined(impact)) return ApiErrors.Invalid("impact", "Say how many people are affected: High, Medium or Low.");
        if (body.Urgency is not { } urgency || !Enum.IsDefined(urgency)) return ApiErrors.Invalid("urgency", "Say how urgent it is: High, Medium or Low.");
        if (body.Description?.Length > Incident.MaxTextLength)
            return ApiErrors.Invalid("description", $"The description can be at most {Incident.MaxTextLength} characters.");
        var actor = Actor.From(user);
        var draft = new IncidentDraft(body.Title ?? "", body.Description, impact, urgency,
            IncidentSource.Api, body.ServiceId, body.CategoryId);
        var created = await incidents.ReportAsync(actor, draft, body.ReporterId, ct);
        var details = await queries.GetAsync(actor, created.Id, ct);
        return TypedResults.Created($"/api/v1/incidents/{created.Id}", ApiIncident.From(details));
    }

    private static async Task<Results<Ok<ApiIncident>, ValidationProblem, ProblemHttpResult>> TransitionAsync([Description(IncidentReadEndpoints.IncidentParameter)] string incident, ApiTransition body,
        ClaimsPrincipal user, HttpContext http, IncidentListQuery list, IncidentService incidents, IncidentQueries queries, CancellationToken ct)
    {
        IncidentCommand? command = body.Action switch
        {
            ApiTransitionAction.Start => new StartWork(),
            ApiTransitionAction.Hold when body.HoldReason is { } reason && Enum.IsDefined(reason) => new PutOnHold(reason),
            ApiTransitionAction.Resolve when body.ResolutionCode is { } code && Enum.IsDefined(code) => new ResolveIncident(code, body.Notes ?? "", body.Workaround, DuplicateOf: body.DuplicateOf),
            ApiTransitionAction.Close => new CloseIncident(),
            ApiTransitionAction.Cancel => new CancelIncident(body.Reason ?? ""),
            ApiTransitionAction.Reopen => new ReopenIncident(body.Comment ?? ""),
            _ => null,
        };
        if (command is null)
        {
            return body.Action switch
            {
                ApiTransitionAction.Hold => ApiErrors.Invalid("holdReason", "Say what the incident waits for: AwaitingUser, AwaitingVendor or AwaitingChange."),
                ApiTransitionAction.Resolve => ApiErrors.Invalid("resolutionCode", "Choose a resolution code: " + string.Join(", ", Enum.GetNames<ResolutionCode>()) + "."),
                _ => ApiErrors.Invalid("action", "Choose an action: " + string.Join(", ", Enum.GetNames<ApiTransitionAction>()) + "."),
            };
        }
        if (!TryExpectedVersion(http.Request, out var expected)) return InvalidIfMatch();
        var actor = Actor.From(user);
        var id = await IncidentReadEndpoints.ResolveAsync(list, incident, ct);
        if (await ChangeAsync(incidents, queries, actor, id, expected, command, ct) is { } refused) return refused;
        var details = await queries.GetAsync(actor, id, ct);
        http.Response.Headers.ETag = IncidentReadEndpoints.ETag(details.Version);
        return TypedResults.Ok(ApiIncident.From(details));
    }

    private static async Task<Results<Created<ApiTimelineEntry>, ProblemHttpResult>> CommentAsync([Description(IncidentReadEndpoints.IncidentParameter)] string incident, ApiNewComment body,
        ClaimsPrincipal user, IncidentListQuery list, IncidentService incidents, IncidentQueries queries, CancellationToken ct)
    {
        var actor = Actor.From(user);
        var id = await IncidentReadEndpoints.ResolveAsync(list, incident, ct);
        var isPublic = body.IsPublic ?? !actor.IsStaff;
        if (await ChangeAsync(incidents, queries, actor, id, null, new AddComment(body.Text ?? "", isPublic), ct) is { } refused) return refused;
        var details = await queries.GetAsync(actor, id, ct);
        var kind = isPublic ? ActivityKind.PublicComment : ActivityKind.WorkNote;
        var entry = details.Timeline.Last(e => e.Kind == kind);
        return TypedResults.Created($"/api/v1/incidents/{id}/timeline", ApiTimelineEntry.From(entry));
    }

    /// <summary>
    /// Applies the command. The service answers "not found" both for an unknown incident and for one the actor may
    /// see but not change this way; for the latter the API says 403, since the caller can see the incident anyway.
    /// </summary>
    internal static async Task<ProblemHttpResult?> ChangeAsync(IncidentService incidents, IncidentQueries queries, Actor actor, int id,
        int? expectedVersion, IncidentCommand command, CancellationToken ct)
    {
        try
        {
            await incidents.ChangeAsync(actor, id, expectedVersion, command, ct);
            return null;
        }
        catch (IncidentNotFoundException)
        {
            await queries.GetAsync(actor, id, ct); // throws not-found again when the actor may not even see it
            return ApiErrors.Problem(StatusCodes.Status403Forbidden, command switch
            {
                AddComment { IsPublic: false } => "Only agents can add work notes. Send isPublic: true for a comment the agents and you can see.",
                AddComment or ReopenIncident => "You can only comment on and reopen incidents you reported.",
                _ => "Only agents can do that. As the reporter you can comment on, and reopen, your own incidents.",
            });
        }
    }

    /// <summary>If-Match: "7" (or W/"7", or 7). Absent or "*": no check.</summary>
    internal static bool TryExpectedVersion(HttpRequest request, out int? version)
    {
        version = null;
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*") return true;
        if (header.StartsWith("W/", StringComparison.Ordinal)) header = header[2..];
        if (!int.TryParse(header.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)) return false;
        version = parsed;
        return true;
    }

    internal static ValidationProblem InvalidIfMatch() =>
        ApiErrors.Invalid("If-Match", "If-Match must be the incident's version as its ETag gives it, e.g. \"7\".");
}

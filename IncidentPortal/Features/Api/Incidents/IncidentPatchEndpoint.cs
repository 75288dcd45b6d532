using System.ComponentModel;
using System.Security.Claims;
using System.Text.Json;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace IncidentPortal.Features.Api.Incidents;

/// <summary>
/// <c>PATCH /incidents/{incident}</c> with merge-patch meaning: a field left out stays, a field sent as null is
/// cleared. A record cannot tell those apart, so the body is read as JSON first and then as <see cref="ApiIncidentPatch"/>.
/// The parts become one <see cref="SaveIncidentFields"/>: they succeed or fail together, like the workspace's Save.
/// </summary>
public static class IncidentPatchEndpoint
{
    /// <summary>The body fields that make an <see cref="EditIncident"/>.</summary>
    private static readonly string[] EditFields = ["title", "description", "impact", "urgency", "serviceId", "categoryId"];

    internal static async Task<Results<Ok<ApiIncident>, ValidationProblem, ProblemHttpResult>> PatchAsync([Description(IncidentReadEndpoints.IncidentParameter)] string incident, HttpContext http,
        ClaimsPrincipal user, IncidentListQuery list, IncidentService incidents, IncidentQueries queries, IOptions<JsonOptions> json, CancellationToken ct)
    {
        if (!http.Request.HasJsonContentType() && http.Request.ContentType?.StartsWith("application/merge-patch+json", StringComparison.OrdinalIgnoreCase) != true)
            return ApiErrors.Problem(StatusCodes.Status415UnsupportedMediaType, "Send the changes as JSON (Content-Type: application/json).");
        if (!IncidentWriteEndpoints.TryExpectedVersion(http.Request, out var expected)) return IncidentWriteEndpoints.InvalidIfMatch();

        ApiIncidentPatch patch;
        HashSet<string> sent;
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: ct);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return ApiErrors.Invalid("body", "Send a JSON object with the fields to change.");
            sent = document.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            patch = document.RootElement.Deserialize<ApiIncidentPatch>(json.Value.SerializerOptions)!;
        }
        catch (JsonException e)
        {
            return ApiErrors.Invalid("body", "The body is not valid JSON for this request: " + Infrastructure.Web.JsonErrors.Describe(e));
        }

        var actor = Actor.From(user);
        var id = await IncidentReadEndpoints.ResolveAsync(list, incident, ct);
        var current = await queries.GetAsync(actor, id, ct);
        var command = ToCommand(patch, sent, current, out var problem);
        if (problem is not null) return problem;
        if (await IncidentWriteEndpoints.ChangeAsync(incidents, queries, actor, id, expected, command!, ct) is { } refused) return refused;

        var details = await queries.GetAsync(actor, id, ct);
        http.Response.Headers.ETag = IncidentReadEndpoints.ETag(details.Version);
        return TypedResults.Ok(ApiIncident.From(details));
    }

    private static SaveIncidentFields? ToCommand(ApiIncidentPatch patch, HashSet<string> sent, IncidentDetails current, out ValidationProblem? problem)
    {
        problem = null;
        bool Has(string field) => sent.Contains(field);

        EditIncident? edit = null;
        if (EditFields.Any(Has))
        {
            if (Has("impact") && patch.Impact is null) { problem = ApiErrors.Invalid("impact", "The impact cannot be empty."); return null; }
            if (Has("urgency") && patch.Urgency is null) { problem = ApiErrors.Invalid("urgency", "The urgency cannot be empty."); return null; }
            edit = new EditIncident(Has("title") ? patch.Title ?? "" : current.Title, Has("description") ? patch.Description : current.Description,
                patch.Impact ?? current.Impact, patch.Urgency ?? current.Urgency,
                Has("serviceId") ? patch.ServiceId : current.ServiceId, Has("categoryId") ? patch.CategoryId : current.CategoryId);
        }

        AssignIncident? assign = null;
        if (Has("teamId") || Has("assigneeId"))
        {
            var team = Has("teamId") ? patch.TeamId : current.TeamId;
            if (team is null) { problem = ApiErrors.Invalid("teamId", "Choose the team to assign to (an assignee works within a team)."); return null; }
            // A new team without a named assignee waits in that team's queue rather than keeping someone from another team.
            var assignee = Has("assigneeId") ? patch.AssigneeId : team == current.TeamId ? current.AssigneeId : null;
            assign = new AssignIncident(team.Value, assignee);
        }

        OverridePriority? priority = null;
        if (patch.Priority is { } p) priority = new OverridePriority(p, patch.PriorityReason ?? "");
        else if (Has("priority")) { problem = ApiErrors.Invalid("priority", "To hand the priority back to the matrix, send clearPriorityOverride: true."); return null; }

        return new SaveIncidentFields(edit, priority, patch.ClearPriorityOverride == true, assign);
    }
}

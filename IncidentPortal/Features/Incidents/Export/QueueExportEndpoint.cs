using System.Globalization;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents.SavedViews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IncidentPortal.Features.Incidents.Export;

/// <summary><c>GET /queue/export.csv?view=…&amp;priority=…</c>: every incident the queue address matches (not one page), as CSV; staff only.</summary>
public static class QueueExportEndpoint
{
    public static IEndpointRouteBuilder MapQueueExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/queue/export.csv", async (HttpContext http, [FromServices] QueueService queue, [FromServices] TimeProvider clock,
            CancellationToken ct) =>
        {
            var actor = Actor.From(http.User);
            var query = SavedViewQuery.Parse(http.Request.Query);
            var rows = await queue.RowsAsync(actor, await queue.MatchingIdsAsync(actor, query, ct: ct), ct);
            http.Response.Headers.CacheControl = "no-store";
            var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
            return Results.File(await QueueCsv.ToBytesAsync(rows, ct), "text/csv; charset=utf-8", $"queue-{QueueViews.Slug(query.View)}-{stamp}.csv");
        }).RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Staff });
        return app;
    }
}

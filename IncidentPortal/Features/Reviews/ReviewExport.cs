using System.Text;
using IncidentPortal.Features.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace IncidentPortal.Features.Reviews;

/// <summary>The review as one Markdown document, and the authorized download endpoint for it.</summary>
public static class ReviewExport
{
    public static string ToMarkdown(ReviewView review)
    {
        var text = new StringBuilder();
        text.Append($"# Post-incident review: {review.IncidentReference} {review.IncidentTitle}\n\n");
        text.Append($"- **Status:** {IncidentReview.Label(review.Status)}\n");
        text.Append($"- **Priority:** {review.Priority}\n");
        if (review.Author is not null) text.Append($"- **Author:** {review.Author}\n");
        if (review.PublishedAt is { } published) text.Append($"- **Published:** {TimelineMarkdown.Time(published)} UTC\n");
        foreach (var section in review.Sections)
        {
            text.Append($"\n## {section.Title}\n\n");
            text.Append(section.Body.Length == 0 ? "_Nothing written yet._" : section.Body);
            text.Append('\n');
        }
        return text.ToString();
    }

    public static IEndpointRouteBuilder MapReviewExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/incidents/{incidentId:int}/review.md", async (int incidentId, HttpContext http, [FromServices] ReviewQueries queries,
            CancellationToken ct) =>
        {
            try
            {
                var review = await queries.ForIncidentAsync(Actor.From(http.User), incidentId, ct);
                if (review is null) return Results.NotFound();
                var file = $"{review.IncidentReference}-review.md";
                return Results.File(Encoding.UTF8.GetBytes(ToMarkdown(review)), "text/markdown; charset=utf-8", file);
            }
            catch (ReviewNotFoundException)
            {
                return Results.NotFound();
            }
        }).RequireAuthorization();
        return app;
    }
}

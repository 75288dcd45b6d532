using System.Globalization;
using System.Text;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.ActionItems;
using Microsoft.AspNetCore.Mvc;

namespace IncidentPortal.Features.Reviews;

/// <summary>The review as one Markdown document, and the authorized download endpoint for it.</summary>
public static class ReviewExport
{
    /// <param name="actionItems">The review's action items (staff); null leaves the section as written.</param>
    public static string ToMarkdown(ReviewView review, IReadOnlyList<ActionItemRow>? actionItems = null)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Post-incident review: {review.IncidentReference} {review.IncidentTitle}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"- **Status:** {IncidentReview.Label(review.Status)}\n");
        text.Append(CultureInfo.InvariantCulture, $"- **Priority:** {review.Priority}\n");
        if (review.Author is not null) text.Append(CultureInfo.InvariantCulture, $"- **Author:** {review.Author}\n");
        if (review.PublishedAt is { } published) text.Append(CultureInfo.InvariantCulture, $"- **Published:** {TimelineMarkdown.Time(published)} UTC\n");
        foreach (var section in review.Sections)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n## {section.Title}\n\n");
            if (section.Key == ReviewTemplateDefaults.ActionItems && actionItems is not null)
                text.Append(ActionItemList(actionItems));
            else
                text.Append(section.Body.Length == 0 ? "_Nothing written yet._" : section.Body);
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>One line per item: a task list item, checked when done.</summary>
    public static string ActionItemList(IReadOnlyList<ActionItemRow> items) => items.Count == 0
        ? "_No action items._"
        : string.Join('\n', items.Select(i =>
            $"- [{(i.Status == ActionItemStatus.Done ? "x" : " ")}] {i.Title} — {i.Type}, {i.Priority} priority, owner {i.Owner ?? "nobody"}" +
            $"{(i.Team is null ? "" : $" ({i.Team})")}, due {(i.DueDate is { } due ? Time.TimeText.Date(DateOnly.FromDateTime(due)) : "not set")}, {ActionItem.Label(i.Status)}"));

    public static IEndpointRouteBuilder MapReviewExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/incidents/{incidentId:int}/review.md", async (int incidentId, HttpContext http, [FromServices] ReviewQueries queries,
            [FromServices] ActionItemService actionItems, CancellationToken ct) =>
        {
            try
            {
                var actor = Actor.From(http.User);
                var review = await queries.ForIncidentAsync(actor, incidentId, ct);
                if (review is null) return Results.NotFound();
                // Action items are staff working data; a reporter's copy has the section as written.
                var items = actor.IsStaff ? await actionItems.ForIncidentAsync(actor, incidentId, ct) : null;
                var file = $"{review.IncidentReference}-review.md";
                return Results.File(Encoding.UTF8.GetBytes(ToMarkdown(review, items)), "text/markdown; charset=utf-8", file);
            }
            catch (ReviewNotFoundException)
            {
                return Results.NotFound();
            }
        }).RequireAuthorization();
        return app;
    }
}

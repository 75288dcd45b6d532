using IncidentPortal.Features.Reviews;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Features.Reviews;

/// <summary>The admin-editable template: renames, additions and order reach new reviews; built-in sections stay.</summary>
public sealed class ReviewTemplateTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    private ReviewTemplateService Templates => host.Services.GetRequiredService<ReviewTemplateService>();

    [Fact]
    public async Task Admins_rename_reorder_and_add_sections_which_new_reviews_use_but_built_in_sections_cannot_be_removed()
    {
        var admin = await host.ActorAsync("admin@demo.local");
        var manager = await host.ActorAsync(DemoEmails.Manager);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Templates.ListAsync(manager));
        var sections = await Templates.ListAsync(admin);
        Assert.Equal(ReviewTemplateDefaults.Sections.Count, sections.Count);

        var edited = sections.Select(s => new TemplateSectionInput(s.Id, s.Key == ReviewTemplateDefaults.Summary ? "Executive summary" : s.Title, s.Prompt))
            .Reverse().Append(new TemplateSectionInput(null, "Customer communication", "What did we tell customers, and when?")).ToList();
        await Templates.SaveAsync(admin, edited);

        var withoutTimeline = edited.Where(s => s.Title != "Timeline").ToList();
        var refused = await Assert.ThrowsAsync<ReviewRuleException>(() => Templates.SaveAsync(admin, withoutTimeline));
        Assert.Contains("built-in", refused.Message);
        await Assert.ThrowsAsync<ReviewRuleException>(() => Templates.SaveAsync(admin, [.. edited, new TemplateSectionInput(null, " ", "")]));

        var incident = await host.ReportAsync(await host.ActorAsync(DemoEmails.Reporter), "Template check");
        await host.Services.GetRequiredService<ReviewService>().StartAsync(manager, incident.Id);
        var review = (await host.Services.GetRequiredService<ReviewQueries>().ForIncidentAsync(manager, incident.Id))!;
        Assert.Equal(edited.Select(s => s.Title), review.Sections.Select(s => s.Title));
        Assert.Equal("What did we tell customers, and when?", review.Sections[^1].Prompt);
    }
}

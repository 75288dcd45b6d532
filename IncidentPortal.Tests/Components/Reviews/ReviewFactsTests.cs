using Bunit;
using IncidentPortal.Features.ActionItems;
using IncidentPortal.Features.Reviews;
using IncidentPortal.Features.Reviews.Pages;
using IncidentPortal.Tests.Components.Support;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Components.Reviews;

/// <summary>
/// Defect 6: a review shows the same facts as its incident — every action item of the incident (also those added before
/// the review started), the related incidents by name with links, and who reported them.
/// </summary>
public sealed class ReviewFactsTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    [Fact]
    public async Task The_review_lists_the_incidents_action_items_related_incidents_and_reporters()
    {
        var (manager, agent) = (await host.ActorAsync(DemoEmails.Manager), await host.ActorAsync(DemoEmails.Agent));
        var (riley, jo) = (await host.ActorAsync(DemoEmails.Reporter), await host.ActorAsync(DemoEmails.OtherReporter));
        var incident = await host.ReportAsync(riley, $"Mail delayed by hours {Guid.NewGuid():N}"[..30]);
        var duplicate = await host.ReportAsync(jo, "My mail arrives late");
        await host.Incidents.MarkDuplicateAsync(agent, duplicate.Id, incident.Reference);
        var items = host.Services.GetRequiredService<ActionItemService>();
        var team = await host.TeamIdAsync("Service Desk");
        var due = host.Clock.GetUtcNow().UtcDateTime.Date.AddDays(7);
        foreach (var title in new[] { "Queue alert on the relay", "Second relay", "Runbook for the relay" })
            await items.CreateAsync(manager, incident.Id, null, new ActionItemInput(title, team, agent.UserId, due, ActionItemPriority.Medium, ActionItemType.Prevent));

        await host.Services.GetRequiredService<ReviewService>().StartAsync(manager, incident.Id);

        // The drafted impact names them instead of a bare count, and says who reported it.
        var impact = (await host.Services.GetRequiredService<ReviewQueries>().ForIncidentAsync(manager, incident.Id))!
            .SectionByKey(ReviewTemplateDefaults.Impact)!.Body;
        Assert.Contains($"{duplicate.Reference} My mail arrives late ({ReviewIncidentLinks.DuplicateOfThis})", impact);
        Assert.Contains(riley.Name, impact);
        Assert.Contains(jo.Name, impact);
        Assert.DoesNotContain("_to fill in: which users", impact);

        await using var ctx = PortalComponents.Create(host, manager);
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(15);
        var page = ctx.Render<ReviewPage>(p => p.Add(c => c.IncidentId, incident.Id));
        page.WaitForAssertion(() => Assert.Contains("3 open of 3", page.Find("#action-items").TextContent));
        Assert.Equal(3, page.FindAll("ul[aria-label='Action items'] > li").Count);

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("ul[aria-label='Related incidents'] a")));
        var related = page.Find("ul[aria-label='Related incidents']");
        var link = related.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == duplicate.Reference);
        Assert.EndsWith($"incidents/{duplicate.Id}", link.GetAttribute("href"));
        Assert.Contains(ReviewIncidentLinks.DuplicateOfThis, related.TextContent);
        var reporters = page.Find("[aria-label='Who reported it']").TextContent;
        Assert.Contains(riley.Name, reporters);
        Assert.Contains(jo.Name, reporters);
    }
}

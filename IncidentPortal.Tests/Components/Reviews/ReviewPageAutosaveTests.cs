using Bunit;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Reviews;
using IncidentPortal.Features.Reviews.Pages;
using IncidentPortal.Tests.Components.Support;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Components.Reviews;

/// <summary>
/// Defect 13: a lone editor's own autosave reloads the whole review page (the live event), which must never be taken
/// for someone else's save. Real waiting for the autosave, on the real page, services and event bus.
/// </summary>
public sealed class ReviewPageAutosaveTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    [Fact]
    public async Task A_lone_editor_waiting_for_the_autosave_sees_no_conflict_and_done_closes_the_editor()
    {
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var incident = await host.ReportAsync(await host.ActorAsync(DemoEmails.Reporter), $"Autosave alone {Guid.NewGuid():N}");
        await host.Services.GetRequiredService<ReviewService>().StartAsync(manager, incident.Id);
        await using var ctx = PortalComponents.Create(host, manager);
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(15);
        var page = ctx.Render<ReviewPage>(p => p.Add(c => c.IncidentId, incident.Id));
        page.WaitForAssertion(() => page.Find("button[aria-label='Edit Summary']"));

        page.Find("button[aria-label='Edit Summary']").Click();
        // Typing ends in a space and a new line, as real typing does: the saved text is trimmed, the editor's is not.
        page.Find("textarea").Input("First line of the summary.\n");
        page.WaitForAssertion(() => Assert.Matches(@"^Saved \w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d UTC$", SaveState(page)), TimeSpan.FromSeconds(10));
        page.Find("textarea").Input("First line of the summary.\nSecond line, typed after the first autosave. ");
        page.WaitForAssertion(() => Assert.Matches(@"^Saved \w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d UTC$", SaveState(page)), TimeSpan.FromSeconds(10));
        // Let every reload the saves caused arrive.
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.DoesNotContain("saved this section while you were editing", page.Markup);
        Assert.Empty(page.FindAll("pre[aria-label='Their text']"));

        page.Find("button[aria-label='Done editing Summary']").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("textarea")));
        var summary = (await host.Services.GetRequiredService<ReviewQueries>().ForIncidentAsync(manager, incident.Id))!
            .SectionByKey(ReviewTemplateDefaults.Summary)!;
        Assert.Equal("First line of the summary.\nSecond line, typed after the first autosave.", summary.Body);
        Assert.Contains("Second line, typed after the first autosave.", page.Find("#section-summary").TextContent);
    }

    private static string SaveState(IRenderedComponent<ReviewPage> page) =>
        page.Find("#section-summary [role=status]").TextContent.Trim();
}

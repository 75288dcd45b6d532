using IncidentPortal.Tests.Components.Support;
using Bunit;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Catalog;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Incidents.Pages;
using IncidentPortal.Infrastructure.Events;
using IncidentPortal.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentPortal.Tests.Components.Incidents;

/// <summary>The report form over a real database: each field says what is wrong, and nothing is stored until all is right.</summary>
public sealed class ReportIncidentFormTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private Actor reporter = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        var user = await database.AddUserAsync("riley");
        reporter = new Actor(user.Id, "Riley", IsAgent: false, IsIncidentManager: false, IsAdmin: false);
        await database.AddServiceAsync("VPN");
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private BunitContext NewContext()
    {
        var ctx = MudTestContext.Create();
        var events = new InProcessEventBus(NullLogger<InProcessEventBus>.Instance);
        ctx.Services.AddSingleton(new IncidentService(database.Factory, new PriorityMatrixService(database.Factory), events, TimeProvider.System));
        ctx.Services.AddSingleton(new CatalogService(database.Factory));
        ctx.Services.AddSingleton(new UserDirectory(database.Factory));
        return ctx;
    }

    private IRenderedComponent<ReportIncident> Render(BunitContext ctx, Actor who) =>
        ctx.Render<ReportIncident>(p => p.AddCascadingValue(MudTestContext.SignedIn(who)));

    private async Task<int> StoredIncidentsAsync()
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        return await db.Incidents.CountAsync();
    }

    [Fact]
    public async Task Submitting_it_empty_shows_a_message_at_each_field_and_stores_nothing()
    {
        await using var ctx = NewContext();
        var cut = Render(ctx, reporter);

        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Say in a few words what is wrong.", cut.Markup));
        Assert.Contains("Choose the service that is affected.", cut.Markup);
        Assert.Contains("Tell us how many people are affected.", cut.Markup);
        Assert.Contains("Tell us how much it stops your work.", cut.Markup);
        // The title's message sits with the title field (its helper line), not in a summary elsewhere.
        var title = cut.FieldLabelled("What is wrong?");
        Assert.Equal("true", title.GetAttribute("aria-invalid"));
        Assert.Contains("Say in a few words what is wrong.", title.Closest(".mud-input-control")!.TextContent);
        Assert.Equal(0, await StoredIncidentsAsync());
        Assert.DoesNotContain("reported=true", ctx.Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public async Task A_too_short_title_is_refused_at_the_title_even_when_the_rest_is_right()
    {
        await using var ctx = NewContext();
        var popovers = ctx.Popovers();
        var cut = Render(ctx, reporter);

        FillTheRest(cut, popovers);
        cut.FieldLabelled("What is wrong?").Change("VPN");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Use between 5 and 200 characters.", cut.Markup));
        Assert.DoesNotContain("Choose the service that is affected.", cut.Markup);
        Assert.Equal(0, await StoredIncidentsAsync());
    }

    [Fact]
    public async Task A_complete_report_is_stored_and_opens_the_incident()
    {
        await using var ctx = NewContext();
        var popovers = ctx.Popovers();
        var cut = Render(ctx, reporter);

        cut.FieldLabelled("What is wrong?").Change("The VPN drops every hour");
        FillTheRest(cut, popovers);
        cut.Find("form").Submit();

        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.Matches(@"/incidents/\d+\?reported=true$", navigation.Uri));
        Assert.Equal(1, await StoredIncidentsAsync());
    }

    [Fact]
    public async Task Only_agents_are_offered_the_caller_fields()
    {
        await using var ctx = NewContext();
        var agent = reporter with { IsAgent = true };

        Assert.DoesNotContain(Render(ctx, reporter).FindAll("label"), l => l.TextContent.Trim() == "Caller");
        var asAgent = Render(ctx, agent);
        asAgent.WaitForAssertion(() => Assert.Contains(asAgent.FindAll("label"), l => l.TextContent.Trim() == "Caller"));
        Assert.Contains("Phone or in person", asAgent.Markup);
    }

    private static void FillTheRest(IRenderedComponent<ReportIncident> cut, IRenderedComponent<MudBlazor.MudPopoverProvider> popovers)
    {
        cut.Choose(popovers, "Which service is affected?", "VPN");
        Radio(cut, "Only me").Click();
        Radio(cut, "It slows my work down").Click();
    }

    private static AngleSharp.Dom.IElement Radio(IRenderedComponent<ReportIncident> cut, string label) =>
        cut.FindAll("label.mud-radio").Single(l => l.TextContent.Trim() == label).QuerySelector("input[type=radio]")!;
}

using IncidentPortal.Tests.Components.Support;
using Bunit;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Incidents.Pages;
using IncidentPortal.Tests.Features.Incidents.Queue;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Components.Incidents;

/// <summary>The whole queue page over a real queue: Assign to me goes through QueueService and the row follows.</summary>
public sealed class QueuePageTests : IAsyncLifetime
{
    private readonly QueueWorld world = new();

    public Task InitializeAsync() => world.InitializeAsync();

    public Task DisposeAsync() => world.DisposeAsync();

    [Fact]
    public async Task Assign_to_me_assigns_the_incident_says_so_and_shows_the_row_as_mine()
    {
        await using var ctx = QueueServices.ContextFor(world);
        var cut = ctx.Render<Queue>(p => p.AddCascadingValue(MudTestContext.SignedIn(world.Me)));
        var dns = Incident.FormatReference(world.Numbers["dns"]);
        // The button's name is its text, "Assign INC-… to me" (the reference visually hidden).
        IEnumerable<AngleSharp.Dom.IElement> AssignButton() => cut.FindAll("button.queue-assign").Where(b => b.TextContent.Contains(dns, StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.NotEmpty(AssignButton()));

        AssignButton().Single().Click();

        cut.WaitForAssertion(() => Assert.Contains($"{dns} is now assigned to you.", cut.Find("[role=status].mud-alert").TextContent));
        var row = await world.Queue.GetAsync(world.Me, new QueueQuery { View = QueueView.MyWork });
        Assert.Contains(world.Ids["dns"], row.Rows.Select(r => r.Id));
        cut.WaitForAssertion(() => Assert.Empty(AssignButton()));
        var shown = cut.FindAll("tbody tr.queue-row").Single(r => r.TextContent.Contains("Name lookups fail"));
        Assert.Equal("You", shown.QuerySelector("td[data-label=Assignee]")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_tabs_show_the_view_counts_and_a_filter_goes_into_the_address()
    {
        await using var ctx = QueueServices.ContextFor(world);
        var popovers = ctx.Popovers();
        var cut = ctx.Render<Queue>(p => p.AddCascadingValue(MudTestContext.SignedIn(world.Me)));

        cut.WaitForAssertion(() => Assert.Contains("My teams, 4 open", Tabs(cut)));
        Assert.Contains("All open, 6 open", Tabs(cut));
        cut.Choose(popovers, "Priority", "P3");

        var address = ctx.Services.GetRequiredService<NavigationManager>().Uri;
        Assert.EndsWith("/queue?priority=P3", address);
    }

    [Fact]
    public async Task The_row_density_is_the_one_this_user_chose_last_and_a_new_choice_is_remembered()
    {
        await using var ctx = QueueServices.ContextFor(world);
        var key = QueueDensity.Key(world.Me);
        Assert.Contains(world.Me.UserId, key);
        ctx.JSInterop.Setup<string?>("localStorage.getItem", key).SetResult(QueueDensity.Dense);
        var cut = ctx.Render<Queue>(p => p.AddCascadingValue(MudTestContext.SignedIn(world.Me)));

        cut.WaitForAssertion(() => Assert.Equal("true", DensityChoice(cut, "Compact").GetAttribute("aria-checked")));
        Assert.Single(cut.FindAll(".mud-table.mud-table-dense"));
        DensityChoice(cut, "Comfortable").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-table.mud-table-dense")));
        var remembered = ctx.JSInterop.VerifyInvoke("localStorage.setItem");
        Assert.Equal([key, QueueDensity.Comfortable], remembered.Arguments);
    }

    private static AngleSharp.Dom.IElement DensityChoice(IRenderedComponent<Queue> cut, string choice) =>
        cut.FindAll("[role=group][aria-label='Row density'] button").Single(b => b.TextContent.Trim() == choice);

    private static List<string> Tabs(IRenderedComponent<Queue> cut) =>
        cut.FindAll("[role=tab]").Select(t => t.SpokenText()).ToList();
}

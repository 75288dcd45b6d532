using IncidentPortal.Tests.Components.Support;
using Bunit;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Incidents.Pages;
using IncidentPortal.Tests.Features.Incidents.Queue;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Components.Incidents;

/// <summary>The queue's view tabs: counts on every tab, the current one selected, and choosing another hands it up.</summary>
public sealed class QueueViewTabsTests(QueueWorld world) : IClassFixture<QueueWorld>
{
    private static readonly Dictionary<QueueView, int> Counts = new()
    {
        [QueueView.MyWork] = 3, [QueueView.MyTeams] = 12, [QueueView.Unassigned] = 7, [QueueView.AllOpen] = 12345, [QueueView.BreachingSoon] = 1,
    };

    private IRenderedComponent<QueueViewTabs> Render(BunitContext ctx, Action<ComponentParameterCollectionBuilder<QueueViewTabs>> parameters) =>
        ctx.Render<QueueViewTabs>(p =>
        {
            p.AddCascadingValue(MudTestContext.SignedIn(world.Me));
            parameters(p);
        });

    [Fact]
    public async Task Each_tab_shows_its_count_and_the_current_view_is_selected()
    {
        await using var ctx = QueueServices.ContextFor(world);
        var cut = Render(ctx, p => p.Add(x => x.Query, new QueueQuery { View = QueueView.Unassigned }).Add(x => x.Counts, Counts));

        cut.WaitForAssertion(() => Assert.Equal(
            ["My work, 3 open", "My teams, 12 open", "Unassigned, 7 open", "All open, 12,345 open", "Breaching soon, 1 open", "My tasks, 0 open"],
            Tabs(cut).Select(t => t.Name)));
        Assert.Equal("Unassigned, 7 open", Assert.Single(Tabs(cut), t => t.Selected).Name);
    }

    [Fact]
    public async Task Before_the_counts_arrive_the_tabs_say_so()
    {
        await using var ctx = QueueServices.ContextFor(world);
        var cut = Render(ctx, p => p.Add(x => x.Query, new QueueQuery()));

        Assert.Contains("All open, … open", Tabs(cut).Select(t => t.Name));
    }

    [Fact]
    public async Task Choosing_another_view_hands_up_its_first_page_keeping_the_filters()
    {
        await using var ctx = QueueServices.ContextFor(world);
        var chosen = new List<QueueQuery>();
        var current = new QueueQuery { View = QueueView.AllOpen, Priority = Priority.P2, Skip = 75, Sort = QueueSort.Updated, Descending = true };
        var cut = Render(ctx, p => p.Add(x => x.Query, current).Add(x => x.Counts, Counts).Add(x => x.OnViewChange, q => chosen.Add(q)));

        Tab(cut, "My work").Click();
        Tab(cut, "Breaching soon").Click();

        Assert.Equal(
        [
            current with { View = QueueView.MyWork, Skip = 0 },
            // Breaching soon reads soonest breach first.
            current with { View = QueueView.BreachingSoon, Skip = 0, Sort = QueueSort.TimeToBreach, Descending = false },
        ], chosen);
    }

    [Fact]
    public async Task The_My_tasks_tab_goes_to_the_tasks_page_and_without_a_handler_a_view_tab_goes_to_its_address()
    {
        await using var ctx = QueueServices.ContextFor(world);
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        var cut = Render(ctx, p => p.Add(x => x.Query, new QueueQuery()).Add(x => x.Counts, Counts));

        Tab(cut, "My tasks").Click();
        Assert.EndsWith("/queue/my-tasks", navigation.Uri);

        Tab(cut, "Unassigned").Click();
        Assert.EndsWith("/queue?view=unassigned", navigation.Uri);
    }

    private static AngleSharp.Dom.IElement Tab(IRenderedComponent<QueueViewTabs> cut, string view) =>
        cut.FindAll("[role=tab]").Single(t => Name(t).StartsWith(view + ",", StringComparison.Ordinal));

    private static List<(string Name, bool Selected)> Tabs(IRenderedComponent<QueueViewTabs> cut) =>
        cut.FindAll("[role=tab]").Select(t => (Name(t), t.GetAttribute("aria-selected") == "true")).ToList();

    private static string Name(AngleSharp.Dom.IElement tab) => tab.SpokenText();
}

using IncidentPortal.Tests.Components.Support;
using Bunit;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Incidents.Pages;

namespace IncidentPortal.Tests.Components.Incidents;

/// <summary>The queue's filter bar: every choice and the typed search reach the query it hands up.</summary>
public sealed class QueueFilterBarTests
{
    private static readonly QueueFilterOptions Options = new(
        Teams: [new(1, "Network"), new(2, "Service Desk")],
        Services: [new(10, "VPN"), new(11, "Email")],
        Categories: [new(20, "Hardware"), new(21, "Hardware › Laptop")],
        MyTeamIds: [1]);

    [Theory]
    [InlineData("Status", "On hold")]
    [InlineData("Priority", "P2")]
    [InlineData("Team", "Service Desk")]
    [InlineData("Service", "VPN")]
    [InlineData("Category", "Hardware › Laptop")]
    public async Task Choosing_a_filter_hands_up_the_query_with_it(string field, string option)
    {
        await using var ctx = MudTestContext.Create();
        var popovers = ctx.Popovers();
        QueueQuery? changed = null;
        var start = new QueueQuery { View = QueueView.MyTeams, Skip = 50, Search = "vpn" };
        var cut = ctx.Render<QueueFilterBar>(p => p
            .Add(x => x.Query, start)
            .Add(x => x.Options, Options)
            .Add(x => x.OnChange, q => changed = q));

        cut.Choose(popovers, field, option);

        var expected = field switch
        {
            "Status" => start with { Status = IncidentStatus.OnHold },
            "Priority" => start with { Priority = Priority.P2 },
            "Team" => start with { TeamId = 2 },
            "Service" => start with { ServiceId = 10 },
            _ => start with { CategoryId = 21 },
        };
        cut.WaitForAssertion(() => Assert.Equal(expected, changed));
    }

    [Fact]
    public async Task Typing_a_search_hands_it_up_once_typing_pauses()
    {
        await using var ctx = MudTestContext.Create();
        var changes = new List<QueueQuery>();
        var cut = ctx.Render<QueueFilterBar>(p => p
            .Add(x => x.Query, new QueueQuery { Priority = Priority.P1 })
            .Add(x => x.Options, Options)
            .Add(x => x.OnChange, q => changes.Add(q)));

        cut.FieldLabelled("Search").Input("  vpn token  ");

        Assert.Empty(changes); // not on every keystroke: after the pause
        cut.WaitForAssertion(() => Assert.Equal(new QueueQuery { Priority = Priority.P1, Search = "vpn token" }, Assert.Single(changes)),
            TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Sort_by_hands_up_the_sort_and_its_direction()
    {
        await using var ctx = MudTestContext.Create();
        var popovers = ctx.Popovers();
        QueueQuery? changed = null;
        var cut = ctx.Render<QueueFilterBar>(p => p
            .Add(x => x.Query, new QueueQuery())
            .Add(x => x.Options, Options)
            .Add(x => x.OnChange, q => changed = q));

        Assert.Equal("Priority, highest first", cut.FieldLabelled("Sort by").GetAttribute("value"));
        cut.Choose(popovers, "Sort by", "Opened, oldest first");

        cut.WaitForAssertion(() => Assert.Equal(new QueueQuery { Sort = QueueSort.Created, Descending = false }, changed));
    }

    [Fact]
    public async Task The_fields_show_the_query_and_Clear_filters_keeps_view_sort_and_page_size()
    {
        await using var ctx = MudTestContext.Create();
        QueueQuery? changed = null;
        var query = new QueueQuery
        {
            View = QueueView.Unassigned, Priority = Priority.P3, TeamId = 1, Search = "printer",
            Sort = QueueSort.Updated, Descending = true, Take = 50, Skip = 100,
        };
        var cut = ctx.Render<QueueFilterBar>(p => p
            .Add(x => x.Query, query)
            .Add(x => x.Options, Options)
            .Add(x => x.OnChange, q => changed = q));

        Assert.Equal("P3", cut.FieldLabelled("Priority").GetAttribute("value"));
        Assert.Equal("Network", cut.FieldLabelled("Team").GetAttribute("value"));
        Assert.Equal("Any open status", cut.FieldLabelled("Status").GetAttribute("value"));
        Assert.Equal("printer", cut.FieldLabelled("Search").GetAttribute("value"));
        Assert.Contains("Filters and sort (2 active)", cut.Markup);

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Clear filters").Click();

        Assert.Equal(new QueueQuery { View = QueueView.Unassigned, Sort = QueueSort.Updated, Descending = true, Take = 50 }, changed);
    }
}

using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Tests.Features.Incidents.Queue;

/// <summary>QueueService's views, filters, search, sorting and paging over a real SQLite file (see <see cref="QueueWorld"/>).</summary>
public sealed class QueueServiceTests(QueueWorld world) : IClassFixture<QueueWorld>
{
    private Task<QueuePage> Get(QueueQuery query) => world.Queue.GetAsync(world.Me, query);

    [Theory]
    [InlineData(QueueView.MyWork, new[] { "vpn", "backup" })]
    [InlineData(QueueView.MyTeams, new[] { "vpn", "dns", "cert", "backup" })]
    [InlineData(QueueView.Unassigned, new[] { "dns", "laptop" })]
    [InlineData(QueueView.AllOpen, new[] { "payroll", "vpn", "dns", "cert", "backup", "laptop" })]
    public async Task Each_view_holds_exactly_its_open_incidents_highest_priority_then_oldest_first(QueueView view, string[] expected)
    {
        var page = await Get(new QueueQuery { View = view });

        Assert.Equal(expected, world.Keys(page));
        Assert.Equal(expected.Length, page.Total);
    }

    [Fact]
    public async Task The_view_counts_are_those_of_the_views_whatever_the_filters()
    {
        var page = await Get(new QueueQuery { View = QueueView.MyWork, Priority = Priority.P1, Search = "nothing matches this" });

        Assert.Empty(page.Rows);
        Assert.Equal(0, page.Total);
        Assert.Equal(new Dictionary<QueueView, int>
        {
            [QueueView.MyWork] = 2, [QueueView.MyTeams] = 4, [QueueView.Unassigned] = 2, [QueueView.AllOpen] = 6,
            [QueueView.BreachingSoon] = 0,   // this world has no SLA policy, so no clocks
        }, page.ViewCounts);
    }

    [Fact]
    public async Task Views_depend_on_who_asks()
    {
        var outsider = await world.Queue.GetAsync(world.Outsider, new QueueQuery { View = QueueView.MyTeams });
        var colleague = await world.Queue.GetAsync(world.Colleague, new QueueQuery { View = QueueView.MyWork });

        Assert.Equal(["payroll"], world.Keys(outsider));
        Assert.Equal(["cert"], world.Keys(colleague));
    }

    [Theory]
    [InlineData(IncidentStatus.InProgress, new[] { "payroll", "vpn" })]
    [InlineData(IncidentStatus.New, new[] { "laptop" })]
    [InlineData(IncidentStatus.Resolved, new string[0])]
    public async Task Status_filter(IncidentStatus status, string[] expected) =>
        Assert.Equal(expected, world.Keys(await Get(new QueueQuery { Status = status })));

    [Fact]
    public async Task Priority_team_and_service_filters()
    {
        Assert.Equal(["dns", "cert"], world.Keys(await Get(new QueueQuery { Priority = Priority.P3 })));
        Assert.Equal(["payroll"], world.Keys(await Get(new QueueQuery { TeamId = world.Teams["Applications"] })));
        Assert.Equal(["vpn", "dns"], world.Keys(await Get(new QueueQuery { ServiceId = world.Services["VPN"] })));
    }

    [Fact]
    public async Task A_parent_category_matches_its_subcategories_and_a_subcategory_only_itself()
    {
        Assert.Equal(["vpn", "dns", "backup"], world.Keys(await Get(new QueueQuery { CategoryId = world.Categories["Network"] })));
        Assert.Equal(["vpn"], world.Keys(await Get(new QueueQuery { CategoryId = world.Categories["Network/VPN"] })));
        Assert.Equal(["payroll", "cert"], world.Keys(await Get(new QueueQuery { CategoryId = world.Categories["Software"] })));
    }

    [Fact]
    public async Task Filters_combine_with_each_other_and_with_the_view()
    {
        var page = await Get(new QueueQuery
        {
            View = QueueView.MyTeams, ServiceId = world.Services["VPN"], Status = IncidentStatus.Assigned, CategoryId = world.Categories["Network"],
        });
        Assert.Equal(["dns"], world.Keys(page));
        Assert.Equal(1, page.Total);

        Assert.Empty((await Get(new QueueQuery { View = QueueView.MyWork, TeamId = world.Teams["Applications"] })).Rows);
        Assert.Equal(["cert"], world.Keys(await Get(new QueueQuery { View = QueueView.MyTeams, ServiceId = world.Services["Payroll"] })));
    }

    [Theory]
    [InlineData("certificate", new[] { "cert" })]
    [InlineData("CERTIFICATE", new[] { "cert" })]
    [InlineData("berlin", new[] { "dns" })]                 // in the description only
    [InlineData("vpn", new[] { "vpn" })]                    // the closed and cancelled VPN incidents are not in the queue
    [InlineData("office   nightly", new[] { "backup" })]    // every word, in any order and either field
    [InlineData("office nightly printer", new string[0])]
    [InlineData("%", new string[0])]                        // LIKE wildcards are taken literally
    [InlineData("_", new string[0])]
    public async Task Text_search_finds_every_word_in_title_or_description(string search, string[] expected) =>
        Assert.Equal(expected, world.Keys(await Get(new QueueQuery { Search = search })));

    [Fact]
    public async Task Search_by_reference_in_any_usual_spelling()
    {
        var number = world.Numbers["backup"];
        foreach (var search in new[] { $"INC-{number:D6}", $"inc-{number}", $"INC{number:D6}", $"#{number}", $"{number}", $" {number} " })
            Assert.Equal(["backup"], world.Keys(await Get(new QueueQuery { Search = search })));

        // A closed incident's reference is not in the queue.
        Assert.Empty((await Get(new QueueQuery { Search = $"INC-{world.Numbers["oldvpn"]:D6}" })).Rows);
    }

    [Fact]
    public async Task Search_combines_with_view_and_filters()
    {
        Assert.Empty((await Get(new QueueQuery { View = QueueView.MyWork, Search = "certificate" })).Rows);
        Assert.Equal(["cert"], world.Keys(await Get(new QueueQuery { View = QueueView.MyTeams, Priority = Priority.P3, Search = "login" })));
    }

    [Theory]
    [InlineData(QueueSort.Priority, true, new[] { "laptop", "backup", "cert", "dns", "vpn", "payroll" })]
    [InlineData(QueueSort.Created, false, new[] { "vpn", "dns", "payroll", "backup", "laptop", "cert" })]
    [InlineData(QueueSort.Created, true, new[] { "cert", "laptop", "backup", "payroll", "dns", "vpn" })]
    [InlineData(QueueSort.Reference, true, new[] { "cert", "laptop", "backup", "payroll", "dns", "vpn" })]
    [InlineData(QueueSort.Updated, false, new[] { "laptop", "vpn", "dns", "payroll", "backup", "cert" })]
    [InlineData(QueueSort.Updated, true, new[] { "cert", "backup", "payroll", "dns", "vpn", "laptop" })]
    public async Task Sorts(QueueSort sort, bool descending, string[] expected) =>
        Assert.Equal(expected, world.Keys(await Get(new QueueQuery { Sort = sort, Descending = descending })));

    [Fact]
    public async Task Pages_are_slices_of_the_sorted_list_with_the_total()
    {
        var second = await Get(new QueueQuery { Skip = 2, Take = 2 });
        Assert.Equal(["dns", "cert"], world.Keys(second));
        Assert.Equal(6, second.Total);
        Assert.Equal(2, second.Skip);

        var last = await Get(new QueueQuery { Skip = 4, Take = 4 });
        Assert.Equal(["backup", "laptop"], world.Keys(last));
    }

    [Fact]
    public async Task A_page_past_the_end_falls_back_to_the_last_page()
    {
        var page = await Get(new QueueQuery { Skip = 40, Take = 4 });

        Assert.Equal(4, page.Skip);
        Assert.Equal(["backup", "laptop"], world.Keys(page));
        var searched = await Get(new QueueQuery { Skip = 40, Take = 25, Search = "the" });
        Assert.Equal(0, searched.Skip);
    }

    [Fact]
    public async Task Rows_carry_what_the_queue_shows()
    {
        var row = (await Get(new QueueQuery { Search = "VPN drops" })).Rows.Single();

        Assert.Equal((world.Ids["vpn"], world.Numbers["vpn"], "VPN drops every hour", IncidentStatus.InProgress, Priority.P2),
            (row.Id, row.Number, row.Title, row.Status, row.Priority));
        Assert.Equal(("VPN", "Network", "Me", "Reporter"), (row.Service, row.Team, row.Assignee, row.Reporter));
        Assert.Equal((world.Teams["Network"], world.Me.UserId), (row.TeamId, row.AssigneeId));
        Assert.Equal(Incident.FormatReference(world.Numbers["vpn"]), row.Reference);
    }

    [Fact]
    public async Task Filter_options_list_teams_services_and_categories_with_their_parents()
    {
        var options = await world.Queue.GetFilterOptionsAsync(world.Me);

        Assert.Equal(["Applications", "Database", "Network"], options.Teams.Select(t => t.Name));
        Assert.Equal(["Backup", "Payroll", "VPN"], options.Services.Select(s => s.Name));
        Assert.Equal(["Network", "Network › DNS", "Network › VPN", "Software", "Software › Bug"], options.Categories.Select(c => c.Name));
        Assert.Equal([world.Teams["Database"], world.Teams["Network"]], options.MyTeamIds);
    }

    [Fact]
    public async Task Only_staff_may_use_the_queue()
    {
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => world.Queue.GetAsync(world.Reporter, new QueueQuery()));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => world.Queue.GetFilterOptionsAsync(world.Reporter));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => world.Queue.AssignToMeAsync(world.Reporter, world.Ids["laptop"]));
    }
}

using IncidentPortal.Tests.Components.Support;
using Bunit;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Incidents.Pages;
using IncidentPortal.Tests.Features.Incidents.Queue;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Components.Incidents;

/// <summary>
/// The queue table over QueueWorld's real SQLite queue: one page from the server at a time, headers that sort, and
/// Assign to me on the rows that are not already mine.
/// </summary>
public sealed class QueueTableTests(QueueWorld world) : IClassFixture<QueueWorld>
{
    private (BunitContext Ctx, IRenderedComponent<QueueTable> Cut, List<QueueQuery> Loaded) Render(QueueQuery query,
        Action<ComponentParameterCollectionBuilder<QueueTable>>? more = null)
    {
        var ctx = MudTestContext.Create();
        ctx.Services.AddSingleton<TimeProvider>(world.Clock);
        var loaded = new List<QueueQuery>();
        var cut = ctx.Render<QueueTable>(p =>
        {
            p.Add(x => x.Query, query)
             .Add(x => x.CurrentUserId, world.Me.UserId)
             .Add(x => x.Load, (q, ct) => { loaded.Add(q); return world.Queue.GetAsync(world.Me, q, ct); });
            more?.Invoke(p);
        });
        return (ctx, cut, loaded);
    }

    private string Reference(string key) => Incident.FormatReference(world.Numbers[key]);

    [Fact]
    public async Task It_shows_the_page_the_server_returns_with_each_rows_facts()
    {
        var (ctx, cut, loaded) = Render(new QueueQuery { View = QueueView.MyTeams });
        await using var scope = ctx;

        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("tbody tr.queue-row").Count));
        var references = cut.FindAll("tbody tr.queue-row td[data-label=Reference] a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(new[] { "vpn", "dns", "cert", "backup" }.Select(Reference), references);
        var vpn = cut.FindAll("tbody tr.queue-row").Single(r => r.TextContent.Contains("VPN drops every hour"));
        Assert.Equal($"incidents/{world.Ids["vpn"]}", vpn.QuerySelector("td[data-label=Reference] a")!.GetAttribute("href"));
        Assert.Equal("You", vpn.QuerySelector("td[data-label=Assignee]")!.TextContent.Trim());
        Assert.Contains("P2", vpn.QuerySelector("td[data-label=Priority]")!.TextContent);
        Assert.Equal("In progress", vpn.QuerySelector("td[data-label=Status]")!.TextContent.Trim());
        Assert.Equal("Network", vpn.QuerySelector("td[data-label=Team]")!.TextContent.Trim());
        // Only one page was asked for, with the query's own page size.
        Assert.Equal(new QueueQuery { View = QueueView.MyTeams }, Assert.Single(loaded));
        Assert.Equal("ascending", cut.FindAll("th").Single(th => th.TextContent.Trim() == "Priority").GetAttribute("aria-sort"));
    }

    [Fact]
    public async Task Clicking_a_sortable_header_asks_for_that_sort()
    {
        var sorts = new List<QueueSort>();
        var (ctx, cut, _) = Render(new QueueQuery(), p => p.Add(x => x.OnSort, s => sorts.Add(s)));
        await using var scope = ctx;

        cut.FindAll("th button").Single(b => b.TextContent.Trim() == "Reference").Click();
        cut.FindAll("th button").Single(b => b.TextContent.Trim() == "Time to breach").Click();

        Assert.Equal([QueueSort.Reference, QueueSort.TimeToBreach], sorts);
        Assert.Null(cut.FindAll("th").Single(th => th.TextContent.Trim() == "Reference").GetAttribute("aria-sort"));
    }

    [Fact]
    public async Task Assign_to_me_is_offered_on_rows_that_are_not_mine_and_hands_up_the_row()
    {
        var assigned = new List<IncidentRow>();
        var (ctx, cut, _) = Render(new QueueQuery(), p => p.Add(x => x.OnAssignToMe, r => assigned.Add(r)));
        await using var scope = ctx;
        cut.WaitForAssertion(() => Assert.Equal(6, cut.FindAll("tbody tr.queue-row").Count));

        var buttons = cut.FindAll("button.queue-assign").Select(b => System.Text.RegularExpressions.Regex.Replace(b.TextContent, @"\s+", " ").Trim()).ToList();
        Assert.Equal(new[] { "payroll", "dns", "cert", "laptop" }.Select(k => $"Assign {Reference(k)} to me"), buttons);
        cut.FindAll("button.queue-assign").Single(b => b.TextContent.Contains(Reference("dns"), StringComparison.Ordinal)).Click();

        Assert.Equal(world.Ids["dns"], Assert.Single(assigned).Id);
    }

    [Fact]
    public async Task A_new_query_is_loaded_and_an_empty_result_shows_the_empty_content()
    {
        var (ctx, cut, loaded) = Render(new QueueQuery(),
            p => p.Add(x => x.NoRecordsContent, "<p>Nothing matches.</p>"));
        await using var scope = ctx;
        cut.WaitForAssertion(() => Assert.Equal(6, cut.FindAll("tbody tr.queue-row").Count));

        var nothing = new QueueQuery { Search = "no incident says this" };
        cut.Render(p => p.Add(x => x.Query, nothing));

        cut.WaitForAssertion(() => Assert.Contains("Nothing matches.", cut.Markup));
        Assert.Empty(cut.FindAll("tbody tr.queue-row"));
        Assert.Equal(nothing, loaded[^1]);
    }

    [Fact]
    public async Task Rows_that_changed_are_highlighted()
    {
        var (ctx, cut, _) = Render(new QueueQuery(), p => p.Add(x => x.IsHighlighted, id => id == world.Ids["cert"]));
        await using var scope = ctx;

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("tr.queue-row-changed")));
        Assert.Contains("Certificate warning", cut.Find("tr.queue-row-changed").TextContent);
    }
}

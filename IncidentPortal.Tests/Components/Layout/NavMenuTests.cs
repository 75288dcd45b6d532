using IncidentPortal.Tests.Components.Support;
using Bunit;
using IncidentPortal.Components.Layout;
using IncidentPortal.Features.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace IncidentPortal.Tests.Components.Layout;

public class NavMenuTests
{
    private static BunitContext Context(params string[] roles)
    {
        var ctx = MudTestContext.Create();
        var auth = ctx.AddAuthorization();
        if (roles.Length > 0)
        {
            auth.SetAuthorized("Alex Agent");
            auth.SetRoles(roles);
        }
        return ctx;
    }

    private static string[] LinkNames(IRenderedComponent<NavMenu> menu) =>
        [.. menu.FindAll("a").Select(a => a.TextContent.Trim())];

    [Fact]
    public async Task A_signed_out_visitor_is_offered_sign_in_and_the_public_status_page_only()
    {
        await using var ctx = Context();
        var menu = ctx.Render<NavMenu>();
        Assert.Equal(["Sign in", "Public status page"], LinkNames(menu));
    }

    [Fact]
    public async Task A_reporter_sees_their_own_pages_and_the_status_page_but_no_API_staff_or_admin_links()
    {
        await using var ctx = Context(Roles.Reporter);
        var menu = ctx.Render<NavMenu>();
        Assert.Equal(["Report an incident", "My incidents", "Public status page"], LinkNames(menu));
        Assert.Equal("status", menu.FindAll("a").Single(a => a.TextContent.Trim() == "Public status page").GetAttribute("href"));
    }

    [Fact]
    public async Task Staff_see_the_API_link()
    {
        await using var ctx = Context(Roles.Reporter, Roles.Agent);
        Assert.Contains("API", LinkNames(ctx.Render<NavMenu>()));
    }

    [Fact]
    public async Task Each_role_adds_its_section()
    {
        await using var agentCtx = Context(Roles.Reporter, Roles.Agent);
        var agent = LinkNames(agentCtx.Render<NavMenu>());
        Assert.Contains("Queue", agent);
        Assert.DoesNotContain("Maintenance", agent);
        Assert.DoesNotContain("Users", agent);

        await using var managerCtx = Context(Roles.Reporter, Roles.IncidentManager);
        var manager = LinkNames(managerCtx.Render<NavMenu>());
        Assert.Contains("Queue", manager);
        Assert.Contains("Maintenance", manager);
        Assert.DoesNotContain("Users", manager);

        await using var adminCtx = Context(Roles.Reporter, Roles.Admin);
        var admin = adminCtx.Render<NavMenu>();
        Assert.Contains("Users", LinkNames(admin));
        Assert.Contains("Review template", LinkNames(admin));
        Assert.NotNull(admin.Find("button[aria-label='Toggle Administration']"));
    }

    [Fact]
    public async Task The_current_page_and_pages_under_it_mark_their_link_and_follow_navigation()
    {
        await using var ctx = Context(Roles.Agent);
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("status/internal?view=all");
        var menu = ctx.Render<NavMenu>();

        Assert.Equal(["Internal status"], Current(menu));

        navigation.NavigateTo("incidents/new");
        menu.WaitForAssertion(() => Assert.Equal(["Report an incident"], Current(menu)));

        // "incidents/newer" is not under "incidents/new"; "queue/…" is under "queue".
        navigation.NavigateTo("incidents/newer");
        menu.WaitForAssertion(() => Assert.Empty(Current(menu)));
        navigation.NavigateTo("queue/saved");
        menu.WaitForAssertion(() => Assert.Equal(["Queue"], Current(menu)));
        Assert.Contains("active", menu.Find("a[href='queue']").ClassList);
    }

    [Fact]
    public async Task The_public_status_page_opens_in_a_new_tab_and_is_never_the_current_page()
    {
        await using var ctx = Context(Roles.Agent);
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("status");
        var menu = ctx.Render<NavMenu>();
        var link = menu.Find("a[href='status']");
        Assert.Equal("_blank", link.GetAttribute("target"));
        Assert.Equal("noopener noreferrer", link.GetAttribute("rel"));
        Assert.Empty(Current(menu));
    }

    private static string[] Current(IRenderedComponent<NavMenu> menu) =>
        [.. menu.FindAll("a[aria-current='page']").Select(a => a.TextContent.Trim())];
}

using System.Security.Claims;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Components;
using Bunit;
using IncidentPortal.Features.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace IncidentPortal.Tests.Components.Support;

/// <summary>
/// bunit with MudBlazor (PLATFORM.md): loose JS interop, Mud services, and a rendered MudPopoverProvider so selects and
/// menus can be opened and chosen from. Test classes own one per test (await using), never derive from BunitContext.
/// </summary>
public static class MudTestContext
{
    public static BunitContext Create()
    {
        // These components wait on a real database, on a machine shared with browser tests: give them time.
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(15);
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddScoped<IncidentPortal.Features.Time.ViewerTime>(); // times in UTC, as for a person without a zone
        return ctx;
    }

    /// <summary>Renders as the live circuit does (pages that subscribe to live changes only do so there). Call it after
    /// the services are added: it starts the renderer.</summary>
    public static BunitContext Interactive(this BunitContext ctx)
    {
        ctx.SetRendererInfo(new RendererInfo("Server", true));
        return ctx;
    }

    /// <summary>The popover layer, where open selects and menus render their options.</summary>
    public static IRenderedComponent<MudPopoverProvider> Popovers(this BunitContext ctx) => ctx.Render<MudPopoverProvider>();

    /// <summary>The signed-in person, as pages receive it (the cascading authentication state).</summary>
    public static Task<AuthenticationState> SignedIn(Actor actor)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, actor.UserId), new(ClaimTypes.Name, actor.Name) };
        if (actor.IsAgent) claims.Add(new(ClaimTypes.Role, Roles.Agent));
        if (actor.IsIncidentManager) claims.Add(new(ClaimTypes.Role, Roles.IncidentManager));
        if (actor.IsAdmin) claims.Add(new(ClaimTypes.Role, Roles.Admin));
        return Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"))));
    }

    /// <summary>The text a screen reader reads for <paramref name="element"/>: its text outside aria-hidden parts, spaces collapsed.</summary>
    public static string SpokenText(this IElement element) => System.Text.RegularExpressions.Regex.Replace(
        string.Concat(element.Descendants<IText>().Where(t => t.ParentElement?.Closest("[aria-hidden=true]") is null).Select(t => t.Text)),
        @"\s+", " ").Trim();

    /// <summary>Opens the MudSelect labelled <paramref name="label"/> and clicks <paramref name="option"/> in the popover layer.</summary>
    public static void Choose<T>(this IRenderedComponent<T> cut, IRenderedComponent<MudPopoverProvider> popovers, string label, string option)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        cut.FieldLabelled(label).Closest(".mud-input-control")!.MouseDown();
        popovers.WaitForAssertion(() => Assert.Contains(popovers.FindAll("[role=option]"), o => o.TextContent.Trim() == option));
        popovers.FindAll("[role=option]").First(o => o.TextContent.Trim() == option).Click();
    }
}

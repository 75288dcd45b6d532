using System.Security.Claims;
using Bunit;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Infrastructure.Auth;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MudBlazor.Services;

namespace IncidentPortal.Tests.Components.Support;

/// <summary>
/// A bunit context for the portal's interactive components: MudBlazor's services, an interactive renderer, a signed-in
/// <see cref="Actor"/>, and the real services of an <see cref="IncidentTestHost"/> (its SQLite file, demo data, event bus
/// and fake clock). Dispose it with <c>await using</c>: MudBlazor's services are only asynchronously disposable.
/// </summary>
public static class PortalComponents
{
    /// <param name="hostClock">Components get the host's (fake) clock instead of bunit's own, so Advance drives their timers.</param>
    public static BunitContext Create(IncidentTestHost host, Actor actor, bool hostClock = false)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddScoped<IncidentPortal.Features.Time.ViewerTime>(); // times in UTC, as for a person without a zone
        if (hostClock) ctx.Services.AddSingleton<TimeProvider>(host.Clock);
        // The portal's services are singletons: the components get the very instances the host's pages would.
        ctx.Services.AddFallbackServiceProvider(new PortalServicesOnly(host.Services));
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized(actor.Name);
        // Roles first: bunit's SetRoles rebuilds the principal without the claims.
        auth.SetRoles([.. Roles(actor)]);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, actor.UserId), new Claim(AppClaimsPrincipalFactory.DisplayNameClaim, actor.Name));
        // Last: it creates the renderer, after which no service can be added.
        ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return ctx;
    }

    private static IEnumerable<string> Roles(Actor actor)
    {
        if (actor.IsAgent) yield return IncidentPortal.Features.Accounts.Roles.Agent;
        if (actor.IsIncidentManager) yield return IncidentPortal.Features.Accounts.Roles.IncidentManager;
        if (actor.IsAdmin) yield return IncidentPortal.Features.Accounts.Roles.Admin;
    }

    /// <summary>
    /// The host's own services (the portal's, its clock, its loggers), and nothing of its framework plumbing: bunit
    /// brings its own renderer, navigation and JS runtime.
    /// </summary>
    private sealed class PortalServicesOnly(IServiceProvider host) : IServiceProvider
    {
        public object? GetService(Type type) =>
            type.Assembly == typeof(Actor).Assembly || type == typeof(TimeProvider)
            || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ILogger<>))
                ? host.GetService(type) : null;
    }
}

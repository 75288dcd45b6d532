using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace IncidentPortal.Tests.Components.Admin;

/// <summary>
/// A bunit context with MudBlazor's services and loose JS interop. Tests own it with <c>await using</c>: MudBlazor's
/// services are only IAsyncDisposable, which xunit 2's synchronous Dispose of a BunitContext base class cannot handle.
/// </summary>
public static class MudTestContext
{
    public static BunitContext Create()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        return ctx;
    }

    /// <summary>Renders the popover provider that MudSelect's options open in; render it before the component.</summary>
    public static IRenderedComponent<MudPopoverProvider> RenderPopovers(this BunitContext ctx) => ctx.Render<MudPopoverProvider>();
}

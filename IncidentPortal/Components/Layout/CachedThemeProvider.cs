using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace IncidentPortal.Components.Layout;

/// <summary>
/// MudThemeProvider, rendering its stylesheets from one string per mode for the whole process. MudBlazor's own builds
/// the ~13,000 characters of CSS variables again on every render, and an open page's two render buffers keep both
/// copies: ~50 KB per circuit of the same text on every page (IncidentPortal.Benchmarks, "Memory per circuit").
/// Everything else (reading and watching the device's dark-mode preference) is MudThemeProvider's.
/// </summary>
public sealed class CachedThemeProvider : MudThemeProvider
{
    private static readonly ConcurrentDictionary<(bool Dark, bool DefaultScrollbar), Lazy<Task<string>>> Stylesheets = new();

    private string? stylesheet;

    /// <summary>The process-wide stylesheet of a mode, once a page has rendered it (for tests).</summary>
    internal static string? CachedStylesheet(bool dark, bool defaultScrollbar = false) =>
        Stylesheets.TryGetValue((dark, defaultScrollbar), out var entry) && entry.Value.IsCompletedSuccessfully
            ? entry.Value.Result : null;

    [Inject] private IServiceProvider Services { get; set; } = default!;

    [Inject] private ILoggerFactory LoggerFactory { get; set; } = default!;

    // MudBlazor's analyzer asks subclasses to read parameters through their ParameterState; MudThemeProvider keeps
    // that private, and this component never changes the value it was given.
#pragma warning disable MUD0010
    private (bool Dark, bool DefaultScrollbar) Key => (IsDarkMode, DefaultScrollbar);

    private bool UsesPortalTheme => ReferenceEquals(Theme, PortalTheme.Theme);
#pragma warning restore MUD0010

    protected override async Task OnParametersSetAsync()
    {
        await base.OnParametersSetAsync();
        if (!UsesPortalTheme)
        {
            stylesheet = null;
            return;
        }
        // Rendered once per mode, by MudThemeProvider itself, through the framework's HTML renderer.
        var key = Key;
        try
        {
            stylesheet = await Stylesheets.GetOrAdd(key, k => new Lazy<Task<string>>(() => RenderAsync(k))).Value;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not worth a broken page: forget the failed attempt and render as MudBlazor does.
            Stylesheets.TryRemove(key, out _);
            stylesheet = null;
            LoggerFactory.CreateLogger<CachedThemeProvider>().LogWarning(ex, "The theme stylesheet could not be cached.");
        }
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (stylesheet is null) base.BuildRenderTree(builder);
        else builder.AddMarkupContent(0, stylesheet);
    }

    private async Task<string> RenderAsync((bool Dark, bool DefaultScrollbar) key)
    {
        await using var renderer = new HtmlRenderer(Services, LoggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(Theme)] = PortalTheme.Theme,
                [nameof(IsDarkMode)] = key.Dark,
                [nameof(DefaultScrollbar)] = key.DefaultScrollbar,
            });
            var output = await renderer.RenderComponentAsync<MudThemeProvider>(parameters);
            return output.ToHtmlString();
        });
    }
}

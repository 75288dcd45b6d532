using IncidentPortal.Tests.Components.Support;
using Bunit;
using IncidentPortal.Components.Layout;
using MudBlazor;

namespace IncidentPortal.Tests.Components.Layout;

public class CachedThemeProviderTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task It_renders_exactly_what_MudThemeProvider_renders_for_the_portal_theme(bool dark)
    {
        await using var ctx = MudTestContext.Create();
        var mud = ctx.Render<MudThemeProvider>(p => p.Add(x => x.Theme, PortalTheme.Theme).Add(x => x.IsDarkMode, dark));
        var cached = ctx.Render<CachedThemeProvider>(p => p.Add(x => x.Theme, PortalTheme.Theme).Add(x => x.IsDarkMode, dark));

        cached.WaitForAssertion(() => cached.MarkupMatches(mud.Markup));
        Assert.Contains("--mud-palette-primary", cached.Markup);
        // From the process-wide string, not rendered again by MudThemeProvider.
        var stylesheet = CachedThemeProvider.CachedStylesheet(dark);
        Assert.NotNull(stylesheet);
        Assert.Equal(stylesheet, cached.Markup);
    }

    [Fact]
    public async Task Switching_mode_switches_the_stylesheet()
    {
        await using var ctx = MudTestContext.Create();
        var cached = ctx.Render<CachedThemeProvider>(p => p.Add(x => x.Theme, PortalTheme.Theme).Add(x => x.IsDarkMode, false));
        var light = PortalTheme.Theme.PaletteLight.Background.ToString(MudBlazor.Utilities.MudColorOutputFormats.RGBA);
        var dark = PortalTheme.Theme.PaletteDark.Background.ToString(MudBlazor.Utilities.MudColorOutputFormats.RGBA);
        Assert.NotEqual(light, dark);
        cached.WaitForAssertion(() => Assert.Contains($"--mud-palette-background: {light};", cached.Markup));

        cached.Render(p => p.Add(x => x.IsDarkMode, true));
        cached.WaitForAssertion(() => Assert.Contains($"--mud-palette-background: {dark};", cached.Markup));
    }

    [Fact]
    public async Task Another_theme_is_rendered_by_MudThemeProvider_itself()
    {
        await using var ctx = MudTestContext.Create();
        var other = new MudTheme { PaletteLight = new PaletteLight { Primary = "#123456" } };
        var cached = ctx.Render<CachedThemeProvider>(p => p.Add(x => x.Theme, other));
        Assert.Contains("--mud-palette-primary: rgba(18,52,86,1);", cached.Markup);
    }
}

using Microsoft.AspNetCore.Http;
using MudBlazor;

namespace IncidentPortal.Components.Layout;

/// <summary>
/// The portal's one designed palette, light and dark. Fonts are the system's own: the portal runs air-gapped, so
/// nothing is fetched from a font CDN.
/// </summary>
public static class PortalTheme
{
    public const string CookieName = "IncidentPortal.Theme";

    private static readonly string[] SystemFonts =
        ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3f51b5",
            Secondary = "#00695c",
            Tertiary = "#6d4c41",
            // Deep enough to read as text on their own 14 % tints and to carry white text (WCAG AA 4.5:1).
            Info = "#01579b",
            Success = "#256b29",
            Warning = "#9c4a00",
            Error = "#b71c1c",
            AppbarBackground = "#283593",
            AppbarText = "#ffffff",
            Background = "#f5f6fa",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = "rgba(0,0,0,0.80)",
            DrawerIcon = "rgba(0,0,0,0.60)",
            TextPrimary = "rgba(0,0,0,0.87)",
            TextSecondary = "rgba(0,0,0,0.62)",
            LinesDefault = "rgba(0,0,0,0.12)",
            LinesInputs = "rgba(0,0,0,0.38)",
            TableLines = "rgba(0,0,0,0.10)",
            // A dialog's backdrop dims the whole page clearly (MudBlazor's default leaves coloured cards bright).
            OverlayDark = "rgba(15,18,30,0.62)",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8c9eff",
            Secondary = "#4db6ac",
            Tertiary = "#bcaaa4",
            Info = "#4fc3f7",
            Success = "#66bb6a",
            Warning = "#ffa726",
            Error = "#ff7b77",
            // Filled chips, buttons and alerts in these light shades carry dark text (white on them is under 4.5:1).
            ErrorContrastText = "#1a1a1a",
            WarningContrastText = "#1a1a1a",
            SuccessContrastText = "#1a1a1a",
            InfoContrastText = "#1a1a1a",
            AppbarBackground = "#1b1f2e",
            AppbarText = "rgba(255,255,255,0.92)",
            Background = "#12141c",
            Surface = "#1c1f2b",
            DrawerBackground = "#171a24",
            DrawerText = "rgba(255,255,255,0.80)",
            DrawerIcon = "rgba(255,255,255,0.60)",
            TextPrimary = "rgba(255,255,255,0.90)",
            TextSecondary = "rgba(255,255,255,0.64)",
            LinesDefault = "rgba(255,255,255,0.12)",
            LinesInputs = "rgba(255,255,255,0.36)",
            TableLines = "rgba(255,255,255,0.10)",
            PrimaryContrastText = "#0d1030",
            OverlayDark = "rgba(0,0,0,0.72)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = SystemFonts, FontSize = ".875rem", LineHeight = "1.45" },
            H1 = new H1Typography { FontFamily = SystemFonts, FontSize = "1.6rem", FontWeight = "600", LineHeight = "1.25" },
            H2 = new H2Typography { FontFamily = SystemFonts, FontSize = "1.25rem", FontWeight = "600", LineHeight = "1.3" },
            H3 = new H3Typography { FontFamily = SystemFonts, FontSize = "1.1rem", FontWeight = "600", LineHeight = "1.3" },
            H4 = new H4Typography { FontFamily = SystemFonts, FontSize = "1rem", FontWeight = "600", LineHeight = "1.35" },
            H5 = new H5Typography { FontFamily = SystemFonts, FontSize = ".95rem", FontWeight = "600", LineHeight = "1.35" },
            H6 = new H6Typography { FontFamily = SystemFonts, FontSize = ".9rem", FontWeight = "600", LineHeight = "1.4" },
            Button = new ButtonTypography { FontFamily = SystemFonts, FontWeight = "500", TextTransform = "none" },
            Body1 = new Body1Typography { FontFamily = SystemFonts, FontSize = ".9rem" },
            Body2 = new Body2Typography { FontFamily = SystemFonts, FontSize = ".85rem" },
            Caption = new CaptionTypography { FontFamily = SystemFonts, FontSize = ".78rem" },
            Subtitle1 = new Subtitle1Typography { FontFamily = SystemFonts },
            Subtitle2 = new Subtitle2Typography { FontFamily = SystemFonts },
            Overline = new OverlineTypography { FontFamily = SystemFonts },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px", DrawerWidthLeft = "248px" },
    };

    /// <summary>The user's choice, remembered in a cookie; absent means "follow the device".</summary>
    public static ThemePreference Parse(string? cookie) => cookie switch
    {
        "light" => ThemePreference.Light,
        "dark" => ThemePreference.Dark,
        _ => ThemePreference.System,
    };

    /// <summary>
    /// What the device prefers, when the browser says so (the Sec-CH-Prefers-Color-Scheme client hint, asked for by
    /// <see cref="ClientHintHeaders"/>): lets the very first paint be dark for a dark device, before any script runs.
    /// </summary>
    public static bool DevicePrefersDark(HttpRequest request) =>
        string.Equals(request.Headers["Sec-CH-Prefers-Color-Scheme"].ToString().Trim('"'), "dark", StringComparison.OrdinalIgnoreCase);

    public static bool StartsDark(HttpRequest request)
    {
        var preference = Parse(request.Cookies[CookieName]);
        return preference == ThemePreference.Dark || (preference == ThemePreference.System && DevicePrefersDark(request));
    }

    /// <summary>Asks Chromium-based browsers to send the colour-scheme hint with every request to the portal.</summary>
    public static void ClientHintHeaders(HttpResponse response)
    {
        response.Headers["Accept-CH"] = "Sec-CH-Prefers-Color-Scheme";
        response.Headers.Append("Vary", "Sec-CH-Prefers-Color-Scheme");
    }

    public static string CookieValue(ThemePreference preference) => preference switch
    {
        ThemePreference.Light => "light",
        ThemePreference.Dark => "dark",
        _ => "system",
    };
}

public enum ThemePreference
{
    System,
    Light,
    Dark,
}

/// <summary>How the shell starts: the remembered choice and what the device asked for, both read from the request.</summary>
public sealed record ThemeStart(ThemePreference Preference, bool DeviceDark);

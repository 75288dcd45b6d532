using System.Globalization;
using IncidentPortal.Features.Time;
using Microsoft.AspNetCore.Components;

namespace IncidentPortal.Features.StatusPage.Public;

/// <summary>
/// How the public pages write statuses and times. Times go out in UTC, the same for every visitor so pages cache and
/// need no cookie; status-time.js then rewrites each <c>time[data-local]</c> in the visitor's zone (UTC on hover).
/// </summary>
public static class StatusFormat
{
    public static string Css(ComponentStatus status) => "sp-" + StatusText.ApiName(status).Replace('_', '-');

    public static string Time(DateTime utc) => TimeText.Utc(utc);

    /// <summary>A <c>&lt;time data-local&gt;</c> element with the UTC text, for the browser to localize.</summary>
    public static RenderFragment Stamp(DateTime utc) => builder =>
    {
        builder.OpenElement(0, "time");
        builder.AddAttribute(1, "datetime", DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        builder.AddAttribute(2, "data-local", "");
        builder.AddContent(3, Time(utc));
        builder.CloseElement();
    };
}

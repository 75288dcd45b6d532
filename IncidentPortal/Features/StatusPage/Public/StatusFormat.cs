using System.Globalization;

namespace IncidentPortal.Features.StatusPage.Public;

/// <summary>How the public pages write statuses and times (UTC, the same for every viewer so pages cache).</summary>
public static class StatusFormat
{
    public static string Css(ComponentStatus status) => "sp-" + StatusText.ApiName(status).Replace('_', '-');

    public static string Time(DateTime utc) => utc.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
}

namespace IncidentPortal.Tests.Support;

public static class Responses
{
    /// <summary>The Location header as a path and query ("/Account/Login?ReturnUrl=%2F"), whether sent absolute or relative.</summary>
    public static string? LocationPathAndQuery(this HttpResponseMessage response)
    {
        var location = response.Headers.Location;
        if (location is null) return null;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    /// <summary>The names of the cookies the response sets.</summary>
    public static IReadOnlyList<string> SetCookieNames(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split('=', 2)[0].Trim()).ToList()
            : [];
}

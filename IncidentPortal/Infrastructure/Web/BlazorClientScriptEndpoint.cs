using Microsoft.Net.Http.Headers;

namespace IncidentPortal.Infrastructure.Web;

/// <summary>
/// Serves /_framework/blazor.web.js from the copy build/BlazorClientScript.targets embedded in this assembly
/// (taken at build time from ASP.NET Core 9.0.22's package, since our feed lacks .NET 10's asset package).
/// When built with UseOfficialBlazorAssets=true there is no embedded copy and the SDK's static asset is used.
/// </summary>
public static class BlazorClientScriptEndpoint
{
    public const string Path = "/_framework/blazor.web.js";
    private const string ResourceName = "blazor.web.js";

    public static IEndpointRouteBuilder MapBlazorClientScript(this IEndpointRouteBuilder endpoints)
    {
        var script = Load();
        if (script is null) return endpoints;

        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(script))[..16]}\"");
        endpoints.MapGet(Path, (HttpContext context) =>
        {
            // Revalidated on every load (no-cache + ETag): a server upgrade never leaves a browser on an old script.
            context.Response.Headers.CacheControl = "no-cache";
            return Results.Bytes(script, "text/javascript; charset=utf-8", entityTag: etag);
        }).AllowAnonymous().ShortCircuit();
        return endpoints;
    }

    private static byte[]? Load()
    {
        using var stream = typeof(BlazorClientScriptEndpoint).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null) return null;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace IncidentPortal.Features.StatusPage.Public;

/// <summary>
/// Compresses the public status outputs inside the output cache, so a page is compressed once per change and each
/// request copies a few kilobytes instead of the 100+ KB of uptime-bar HTML. Only these anonymous, secret-free outputs
/// are compressed, which is why compression over HTTPS is safe here (BREACH needs a secret next to attacker input).
/// </summary>
public static class StatusCompression
{
    public sealed class CompressedStatusOutput;
    public static readonly CompressedStatusOutput Marker = new();

    public static IServiceCollection AddStatusCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ["text/html", "application/json", "application/atom+xml"];
        });
        // Paid once per change and encoding, then served from the cache.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return services;
    }

    public static IApplicationBuilder UseStatusCompression(this IApplicationBuilder app) =>
        app.UseWhen(c => c.GetEndpoint()?.Metadata.GetMetadata<CompressedStatusOutput>() is not null, b => b.UseResponseCompression());

    /// <summary>The encoding the compression middleware will pick (brotli first, as its providers are ordered).</summary>
    public static string Negotiate(HttpRequest request)
    {
        var accepted = request.Headers.AcceptEncoding.ToString();
        if (Accepts(accepted, "br")) return "br";
        return Accepts(accepted, "gzip") ? "gzip" : "identity";
    }

    private static bool Accepts(string header, string coding)
    {
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pieces = part.Split(';', StringSplitOptions.TrimEntries);
            if (!pieces[0].Equals(coding, StringComparison.OrdinalIgnoreCase)) continue;
            return !pieces.Skip(1).Any(p => p.Replace(" ", "") is "q=0" or "q=0.0" or "q=0.00" or "q=0.000");
        }
        return false;
    }
}

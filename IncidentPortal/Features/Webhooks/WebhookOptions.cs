using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace IncidentPortal.Features.Webhooks;

public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>The portal's public address, for the incident links in payloads (e.g. https://incidents.example.com).
    /// When empty, the first address the server listens on is used, which is right only without a reverse proxy.</summary>
    public string? PortalUrl { get; set; }

    /// <summary>How long one HTTP attempt may take before it counts as failed (and is retried by the outbox).</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Quick retries of one attempt on network errors (connection refused or reset), before the outbox's backoff.</summary>
    public int NetworkRetries { get; set; } = 1;
}

/// <summary>Where incident links in payloads point.</summary>
public sealed class PortalAddress(IOptions<WebhookOptions> options, IServer server)
{
    public string Url
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(options.Value.PortalUrl)) return options.Value.PortalUrl.Trim().TrimEnd('/');
            var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses
                .FirstOrDefault(a => a.StartsWith("https://", StringComparison.Ordinal))
                ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            return (listening ?? "http://localhost").Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost")
                .Replace("://+", "://localhost").Replace("://*", "://localhost").TrimEnd('/');
        }
    }
}

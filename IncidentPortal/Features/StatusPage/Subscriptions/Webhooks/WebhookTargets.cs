using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace IncidentPortal.Features.StatusPage.Subscriptions.Webhooks;

public sealed class StatusWebhookOptions
{
    public const string Section = "StatusPage";
    /// <summary>
    /// Anyone may add a webhook, so by default it may only point at public internet addresses: otherwise the portal
    /// could be made to POST into its own network. Turn on for tests or an intranet-only portal.
    /// </summary>
    public bool AllowPrivateWebhookTargets { get; set; }
    public int WebhookTimeoutSeconds { get; set; } = 10;
}

/// <summary>
/// Which addresses a status webhook may target: http(s), no credentials in the address, and (unless allowed) no
/// loopback, private, link-local or otherwise non-public IP. Checked when subscribing, and again on every connection
/// (<see cref="ConnectAsync"/>), so a name that later resolves to an inside address is still refused.
/// </summary>
public sealed class WebhookTargets(IOptions<StatusWebhookOptions> options)
{
    public const string UrlField = "WebhookUrl";

    /// <returns>The address, or null and why not.</returns>
    public async Task<(Uri? Url, string? Error)> CheckAsync(string? text, CancellationToken ct)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length is 0 or > StatusWebhookSubscriber.MaxUrlLength
            || !Uri.TryCreate(trimmed, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.Host.Length == 0)
            return (null, "Enter the full address of your webhook, starting with https://.");
        if (url.UserInfo.Length > 0) return (null, "Leave user names and passwords out of the address.");
        if (options.Value.AllowPrivateWebhookTargets) return (url, null);
        IPAddress[] addresses;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            addresses = IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(url.IdnHost, timeout.Token);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return (null, $"The host {url.Host} could not be found.");
        }
        if (addresses.Length == 0) return (null, $"The host {url.Host} could not be found.");
        return addresses.All(IsPublic) ? (url, null) : (null, "The address must be reachable on the public internet (not a private or local network).");
    }

    /// <summary>The HTTP client's connect step: resolves the host itself and refuses non-public addresses.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var endpoint = context.DnsEndPoint;
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endpoint.Host, ct);
        var allowed = options.Value.AllowPrivateWebhookTargets ? addresses : addresses.Where(IsPublic).ToArray();
        if (allowed.Length == 0) throw new HttpRequestException($"{endpoint.Host} resolves to no public address; not connecting.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
            return false;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (b[0] & 0xfe) == 0xfc);
        }
        var v4 = address.GetAddressBytes();
        return v4[0] switch
        {
            0 or 10 or 127 => false,
            100 => v4[1] is < 64 or > 127,          // 100.64.0.0/10 carrier-grade NAT
            169 => v4[1] != 254,                    // link-local, cloud metadata
            172 => v4[1] is < 16 or > 31,
            192 => !(v4[1] == 168 || (v4[1] == 0 && v4[2] is 0 or 2)),
            198 => v4[1] is not (18 or 19),         // benchmarking
            >= 224 => false,                        // multicast and reserved
            _ => true,
        };
    }
}

namespace IncidentPortal.Infrastructure;

/// <summary>The "Portal" section of appsettings.json: where users reach the portal.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";
    public const string PublicUrlKey = "Portal:PublicUrl";

    /// <summary>
    /// Where the address was set before it moved to <see cref="PublicUrlKey"/>; still read so an upgraded install keeps
    /// its links. Webhooks:PortalUrl comes first: it shipped empty, so a value there was set on purpose, while
    /// Notifications:PublicUrl shipped as the default address.
    /// </summary>
    public static readonly IReadOnlyList<string> MovedKeys = ["Webhooks:PortalUrl", "Notifications:PublicUrl"];

    /// <summary>The portal's address as users reach it ("https://incidents.example.com"): the base of the links in
    /// e-mails, webhook payloads and status-page messages.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5080";

    /// <summary><see cref="PublicUrl"/> without a trailing slash, to append a portal path ("/incidents/42") to.</summary>
    public string BaseUrl => PublicUrl.Trim().TrimEnd('/');

    /// <summary>The old key the address is taken from, when <see cref="PublicUrlKey"/> is not set but one of those is.</summary>
    public static string? MovedKeyInUse(IConfiguration config) =>
        IsSet(config, PublicUrlKey) ? null : MovedKeys.FirstOrDefault(key => IsSet(config, key));

    /// <summary>Reads the address from <see cref="PublicUrlKey"/>, else from a moved key, else keeps the default.</summary>
    public static void Bind(PortalOptions options, IConfiguration config)
    {
        var key = MovedKeyInUse(config) ?? PublicUrlKey;
        if (IsSet(config, key)) options.PublicUrl = config[key]!;
    }

    private static bool IsSet(IConfiguration config, string key) => !string.IsNullOrWhiteSpace(config[key]);
}

using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Features.Webhooks;

/// <summary>What an admin chose for an endpoint; empty team or priority lists mean "all".</summary>
public sealed record WebhookSettings(string Name, string Url, WebhookEvents Events, IReadOnlyList<int> TeamIds,
    IReadOnlyList<Priority> Priorities, bool IsEnabled);

/// <summary>
/// A URL outside the portal that receives incident events as signed JSON. The secret is kept encrypted (data
/// protection); the plain value is shown to the admin once, when it is generated.
/// </summary>
public class WebhookEndpoint
{
    public const int MaxUrlLength = 500;

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Url { get; private set; } = "";
    public string ProtectedSecret { get; private set; } = "";
    public WebhookEvents Events { get; private set; }
    /// <summary>Team ids, comma-separated; empty for all teams. Not a foreign key: a deleted team must narrow, never widen, what is sent.</summary>
    public string TeamFilter { get; private set; } = "";
    /// <summary>Priorities, comma-separated ("P1,P2"); empty for all.</summary>
    public string PriorityFilter { get; private set; } = "";
    public bool IsEnabled { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime SecretRotatedAt { get; private set; }

    public IReadOnlyList<int> TeamIds => TeamFilter.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
    public IReadOnlyList<Priority> Priorities =>
        PriorityFilter.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Priority>).ToList();

    private WebhookEndpoint() { }

    public static WebhookEndpoint Create(WebhookSettings settings, string protectedSecret, DateTime now)
    {
        var endpoint = new WebhookEndpoint { ProtectedSecret = protectedSecret, CreatedAt = now, SecretRotatedAt = now };
        endpoint.Change(settings, now);
        return endpoint;
    }

    /// <summary>Call with settings that passed <see cref="Problems"/>.</summary>
    public void Change(WebhookSettings settings, DateTime now)
    {
        Name = settings.Name.Trim();
        Url = settings.Url.Trim();
        Events = settings.Events;
        TeamFilter = string.Join(",", settings.TeamIds.Distinct().Order());
        PriorityFilter = string.Join(",", settings.Priorities.Distinct().Order());
        IsEnabled = settings.IsEnabled;
        UpdatedAt = now;
    }

    public void RotateSecret(string protectedSecret, DateTime now)
    {
        ProtectedSecret = protectedSecret;
        SecretRotatedAt = now;
        UpdatedAt = now;
    }

    /// <summary>
    /// Whether a change to an incident concerns this endpoint. Team and priority are matched before or after the
    /// change, so an endpoint for the Network team hears that an incident moved away from Network.
    /// </summary>
    public bool Concerns(IReadOnlyCollection<int?> teamIds, IReadOnlyCollection<Priority> priorities)
    {
        if (!IsEnabled) return false;
        var teams = TeamIds;
        var wanted = Priorities;
        return (teams.Count == 0 || teamIds.Any(t => t is { } id && teams.Contains(id)))
               && (wanted.Count == 0 || priorities.Any(wanted.Contains));
    }

    /// <summary>The one event this endpoint is sent for a save that triggered <paramref name="triggered"/>, if any.</summary>
    public WebhookEvents? EventFor(WebhookEvents triggered) =>
        WebhookEventNames.Precedence.Where(e => triggered.HasFlag(e) && Events.HasFlag(e)).Cast<WebhookEvents?>().FirstOrDefault();

    /// <summary>What is wrong with <paramref name="settings"/>, field by field (empty when nothing is).</summary>
    public static IEnumerable<(string Field, string Message)> Problems(WebhookSettings settings)
    {
        if (UrlProblem(settings.Url) is { } url) yield return (nameof(Url), url);
        if (settings.Events == WebhookEvents.None) yield return (nameof(Events), "Choose at least one event to send.");
    }

    /// <summary>
    /// An absolute http(s) URL. Intranet hosts are allowed on purpose: self-hosted portals post to chat and
    /// automation servers on their own network, and only admins register endpoints. Redirects are never followed.
    /// </summary>
    public static string? UrlProblem(string? url)
    {
        url = (url ?? "").Trim();
        if (url.Length == 0) return "Enter the URL that receives the events.";
        if (url.Length > MaxUrlLength) return $"Use at most {MaxUrlLength} characters (this has {url.Length}).";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return "Enter an absolute http:// or https:// URL, e.g. https://hooks.example.com/incidents.";
        if (uri.UserInfo.Length > 0) return "Do not put credentials in the URL: receivers verify the signature made with the secret.";
        if (uri.Fragment.Length > 0) return "Remove the #fragment: it is never sent to the server.";
        return null;
    }
}

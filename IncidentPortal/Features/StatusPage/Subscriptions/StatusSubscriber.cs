using System.Net.Mail;

namespace IncidentPortal.Features.StatusPage.Subscriptions;

/// <summary>
/// Someone who asked to hear about status-page changes by e-mail: the whole page (no components) or chosen components.
/// Nothing is sent before the address is confirmed (double opt-in); every mail carries the unsubscribe link.
/// </summary>
public class StatusSubscriber
{
    public const int MaxEmailLength = 254;
    /// <summary>An unconfirmed subscription is forgotten after this long: its confirmation link no longer works.</summary>
    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromDays(2);

    private readonly List<StatusSubscriberComponent> components = [];

    public int Id { get; private set; }
    public string Email { get; private set; } = "";
    /// <summary>SHA-256 of the link sent for confirmation: a database reader cannot confirm someone else's address.</summary>
    public string? ConfirmationTokenHash { get; private set; }
    public DateTime? ConfirmedAt { get; private set; }
    /// <summary>
    /// Kept as issued, not hashed: every notice mail must carry it. It grants nothing but unsubscribing this address.
    /// </summary>
    public string UnsubscribeToken { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    /// <summary>Where the request came from, for abuse reports (subscribing is anonymous).</summary>
    public string? CreatedFromIp { get; private set; }
    public IReadOnlyList<StatusSubscriberComponent> Components => components;

    public bool IsConfirmed => ConfirmedAt is not null;
    public bool CoversAllComponents => components.Count == 0;

    private StatusSubscriber() { }

    /// <returns>The subscriber and the confirmation token to mail (only its hash is kept).</returns>
    public static (StatusSubscriber Subscriber, string ConfirmationToken) Create(string email, IEnumerable<int> componentIds,
        string? ip, DateTime now)
    {
        var subscriber = new StatusSubscriber
        {
            Email = NormaliseEmail(email) ?? throw new ArgumentException("Not an e-mail address.", nameof(email)),
            CreatedAt = now,
            CreatedFromIp = ip is { Length: > 45 } ? ip[..45] : ip,
            UnsubscribeToken = SubscriptionTokens.New(),
        };
        var token = subscriber.RestartConfirmation(componentIds, now);
        return (subscriber, token);
    }

    /// <summary>Subscribing again (a lost mail, other components) sends a fresh link; a confirmed address keeps receiving meanwhile.</summary>
    public string RestartConfirmation(IEnumerable<int> componentIds, DateTime now)
    {
        components.Clear();
        components.AddRange(componentIds.Distinct().Order().Select(id => new StatusSubscriberComponent(id)));
        var token = SubscriptionTokens.New();
        ConfirmationTokenHash = SubscriptionTokens.Hash(token);
        CreatedAt = IsConfirmed ? CreatedAt : now;
        return token;
    }

    /// <summary>The hash stays, so opening the link again can say "already confirmed" rather than "unknown link".</summary>
    public void Confirm(DateTime now) => ConfirmedAt ??= now;

    public bool Covers(IReadOnlyCollection<int> componentIds) =>
        CoversAllComponents || componentIds.Count == 0 || components.Any(c => componentIds.Contains(c.ComponentId));

    /// <summary>
    /// Trimmed and lower-cased (local parts are case-sensitive only in theory; no real mailbox differs by case, and
    /// Foo@x.org and foo@x.org must not be two subscriptions); null when it is not a single plain address.
    /// </summary>
    public static string? NormaliseEmail(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length is 0 or > MaxEmailLength || trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';')) return null;
        if (!MailAddress.TryCreate(trimmed, out var address) || address.Address != trimmed || !address.Host.Contains('.')) return null;
        return $"{address.User}@{address.Host}".ToLowerInvariant();
    }
}

/// <summary>A component a subscriber chose; none at all means the whole page.</summary>
public class StatusSubscriberComponent(int componentId)
{
    public int SubscriberId { get; private set; }
    public int ComponentId { get; private set; } = componentId;
}

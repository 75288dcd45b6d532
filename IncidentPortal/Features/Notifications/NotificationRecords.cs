namespace IncidentPortal.Features.Notifications;

/// <param name="Link">Portal-relative ("/incidents/42").</param>
public sealed record NotificationRequest(NotificationKind Kind, string Title, string? Body, string? Link, int? IncidentId);

/// <summary>What <see cref="Notifier.AddAsync"/> queued; hand it to <see cref="Notifier.AnnounceAsync"/> after committing.</summary>
public sealed record NotificationBatch(IReadOnlyList<string> InAppUserIds, NotificationRequest Request)
{
    public static readonly NotificationBatch Empty = new([], new NotificationRequest(NotificationKind.System, "", null, null, null));
}

/// <summary>Published after notifications are committed, so bells and toasts of those users update at once.</summary>
public sealed record NotificationsCreated(IReadOnlyList<string> UserIds, NotificationKind Kind, string Title, string? Link, int? IncidentId);

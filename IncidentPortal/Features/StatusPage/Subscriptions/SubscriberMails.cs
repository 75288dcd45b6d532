using System.Net;
using IncidentPortal.Infrastructure;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Mail;
using Microsoft.Extensions.Options;

namespace IncidentPortal.Features.StatusPage.Subscriptions;

/// <summary>
/// The mails subscribers get. Every one carries the unsubscribe link in its text and as RFC 8058 one-click headers, so
/// mail programs offer their own "unsubscribe" button.
/// </summary>
public sealed class SubscriberMails(IOptions<PortalOptions> portal)
{
    public const string ConfirmPath = "/status/subscribe/confirm";
    public const string UnsubscribePagePath = "/status/unsubscribe";
    public const string OneClickPath = "/status/unsubscribe/one-click";

    private string Url(string path, string token) => $"{portal.Value.BaseUrl}{path}?token={Uri.EscapeDataString(token)}";
    private string StatusUrl => $"{portal.Value.BaseUrl}/status";

    public void QueueConfirmation(AppDbContext db, StatusSubscriber subscriber, string confirmationToken, DateTime now)
    {
        var confirm = Url(ConfirmPath, confirmationToken);
        var text = $"Someone (hopefully you) asked to receive status updates at this address.\n\nConfirm your subscription:\n{confirm}\n\n"
            + "The link works for 2 days. If you did not ask for this, ignore this mail: nothing more will be sent.";
        var html = $"<p>Someone (hopefully you) asked to receive status updates at this address.</p>"
            + $"<p><a href=\"{Html(confirm)}\">Confirm your subscription</a></p>"
            + "<p>The link works for 2 days. If you did not ask for this, ignore this mail: nothing more will be sent.</p>";
        Queue(db, subscriber, "Confirm your status update subscription", text, html, now);
    }

    public void QueueAlreadySubscribed(AppDbContext db, StatusSubscriber subscriber, DateTime now) =>
        Queue(db, subscriber, "You are already subscribed to status updates",
            "Someone asked to subscribe this address to status updates, but it is already subscribed, so nothing changed.\n"
            + "To choose other components, unsubscribe with the link below and subscribe again.",
            "<p>Someone asked to subscribe this address to status updates, but it is already subscribed, so nothing changed.</p>"
            + "<p>To choose other components, unsubscribe with the link below and subscribe again.</p>", now);

    public void QueueNotice(AppDbContext db, StatusSubscriber subscriber, StatusNotice notice, IReadOnlyList<string> componentNames, DateTime now)
    {
        var affected = componentNames.Count == 0 ? null : "Affected: " + string.Join(", ", componentNames);
        var text = string.Join("\n\n", new[] { Headline(notice), notice.Message, affected, $"Current status: {StatusUrl}" }.Where(p => p is not null));
        var html = $"<h2>{Html(Headline(notice))}</h2><p>{Html(notice.Message).Replace("\n", "<br>")}</p>"
            + (affected is null ? "" : $"<p>{Html(affected)}</p>")
            + $"<p><a href=\"{Html(StatusUrl)}\">See the current status</a></p>";
        Queue(db, subscriber, Subject(notice), text, html, now);
    }

    public static string Subject(StatusNotice notice) => notice.Kind switch
    {
        StatusNoticeKind.IncidentUpdate => $"[{notice.Phase ?? IncidentPhase.Investigating}] {notice.Title}",
        StatusNoticeKind.MaintenanceScheduled => $"[Scheduled maintenance] {notice.Title}",
        StatusNoticeKind.MaintenanceStarted => $"[Maintenance in progress] {notice.Title}",
        StatusNoticeKind.MaintenanceCompleted => $"[Maintenance completed] {notice.Title}",
        _ => $"[Maintenance cancelled] {notice.Title}",
    };

    private static string Headline(StatusNotice notice) => Subject(notice);

    private void Queue(AppDbContext db, StatusSubscriber subscriber, string subject, string text, string html, DateTime now)
    {
        var unsubscribePage = Url(UnsubscribePagePath, subscriber.UnsubscribeToken);
        var footer = $"You receive this because you subscribed to status updates. Unsubscribe: {unsubscribePage}";
        var headers = new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = $"<{Url(OneClickPath, subscriber.UnsubscribeToken)}>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        };
        var mail = new EmailMessage(subscriber.Email, subject, $"{text}\n\n--\n{footer}",
            $"{html}<hr><p style=\"font-size:smaller\">You receive this because you subscribed to status updates. "
            + $"<a href=\"{Html(unsubscribePage)}\">Unsubscribe</a></p>", headers);
        Infrastructure.Outbox.Outbox.Enqueue(db, EmailMessage.OutboxKind, mail, now);
    }

    private static string Html(string text) => WebUtility.HtmlEncode(text);
}

namespace IncidentPortal.Features.Notifications.Email;

/// <summary>One outgoing mail, as stored in the outbox (kind <see cref="SmtpSender.OutboxKind"/>).</summary>
/// <param name="HtmlBody">Optional HTML alternative; the text body is always sent.</param>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null);

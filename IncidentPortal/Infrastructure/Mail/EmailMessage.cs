namespace IncidentPortal.Infrastructure.Mail;

/// <summary>An e-mail waiting in the outbox (kind <see cref="OutboxKind"/>).</summary>
/// <param name="Headers">Extra headers, such as List-Unsubscribe on mailing-list style mails.</param>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null,
    IReadOnlyDictionary<string, string>? Headers = null)
{
    public const string OutboxKind = "email";
}

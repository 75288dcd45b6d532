namespace IncidentPortal.Infrastructure.Mail;

/// <summary>An e-mail waiting in the outbox (kind <see cref="OutboxKind"/>).</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null)
{
    public const string OutboxKind = "email";
}

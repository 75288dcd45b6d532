using IncidentPortal.Infrastructure.Outbox;

namespace IncidentPortal.Infrastructure.Mail;

/// <summary>Delivers outbox e-mails through <see cref="SmtpSender"/>; a mail server outage only delays them.</summary>
internal sealed class EmailOutboxHandler(SmtpSender sender) : IOutboxHandler
{
    public string Kind => EmailMessage.OutboxKind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var email = message.PayloadAs<EmailMessage>();
        try
        {
            await sender.SendAsync(email, ct);
        }
        catch (Exception ex) when (SmtpSender.IsPermanent(ex))
        {
            throw new OutboxGiveUpException($"The mail to {email.To} cannot be delivered: {ex.Message}", ex);
        }
    }
}

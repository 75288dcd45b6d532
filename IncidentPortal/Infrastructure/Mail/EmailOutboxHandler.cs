using IncidentPortal.Infrastructure.Outbox;
using Microsoft.Extensions.Options;

namespace IncidentPortal.Infrastructure.Mail;

/// <summary>Delivers outbox e-mails through <see cref="SmtpSender"/>; a mail server outage only delays them.</summary>
internal sealed class EmailOutboxHandler(SmtpSender sender, IOptions<SmtpOptions> options) : IOutboxHandler
{
    public string Kind => EmailMessage.OutboxKind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var email = message.PayloadAs<EmailMessage>();
        try
        {
            // Delivery is at least once: every try carries the same Message-ID, so a repeat can be recognised.
            await sender.SendAsync(email, ct, MailComposer.MessageIdFor(message.Id, message.CreatedAt, options.Value));
        }
        catch (Exception ex) when (SmtpSender.IsPermanent(ex))
        {
            throw new OutboxGiveUpException($"The mail to {email.To} cannot be delivered: {ex.Message}", ex);
        }
    }
}

using System.Text;
using MimeKit;

namespace IncidentPortal.Infrastructure.Mail;

/// <summary>Turns an outbox <see cref="EmailMessage"/> into the MIME message MailKit sends.</summary>
internal static class MailComposer
{
    // MimeKit's default parser accepts addresses without a domain and other leftovers of old mail; a recipient must be deliverable.
    private static readonly ParserOptions StrictAddresses = new()
    {
        AddressParserComplianceMode = RfcComplianceMode.Strict,
        AllowAddressesWithoutDomain = false,
        AllowUnquotedCommasInAddresses = false,
    };

    /// <param name="messageId">
    /// The same for every try of one outbox message, so a mail delivered twice (the server took it, the reply was lost)
    /// can be recognised as one. Null: MimeKit makes up a new one.
    /// </param>
    /// <exception cref="FormatException">The recipient's address is malformed: this mail can never be delivered.</exception>
    public static MimeMessage Compose(EmailMessage email, SmtpOptions smtp, DateTimeOffset now, string? messageId = null)
    {
        var message = new MimeMessage { Date = now, Subject = OneLine(email.Subject) };
        message.From.Add(Sender(smtp));
        message.To.Add(MailboxAddress.Parse(StrictAddresses, email.To));
        if (messageId is not null) message.MessageId = messageId;
        // Replace, not Add: a header given by the product (List-Unsubscribe, or its own Message-ID) wins over MimeKit's default.
        foreach (var (name, value) in email.Headers ?? new Dictionary<string, string>())
            message.Headers.Replace(name, OneLine(value));
        message.Body = Body(email);
        return message;
    }

    /// <summary>A stable Message-ID for one outbox message, in the sender's domain (RFC 5322 wants a domain the sender controls).</summary>
    public static string MessageIdFor(long outboxId, DateTime queuedAt, SmtpOptions smtp)
    {
        var address = smtp.FromAddress;
        var domain = address[(address.LastIndexOf('@') + 1)..].Trim('>', ' ');
        return $"incidentportal.{outboxId}.{queuedAt.Ticks:x}@{(domain.Length == 0 ? "localhost" : domain)}";
    }

    private static MailboxAddress Sender(SmtpOptions smtp)
    {
        // A bad sender is the configuration's fault, not this mail's: not a FormatException, so the outbox keeps retrying
        // until an administrator fixes it, while a bad recipient address (FormatException) is given up at once.
        try
        {
            var from = MailboxAddress.Parse(StrictAddresses, smtp.FromAddress);
            if (!string.IsNullOrWhiteSpace(smtp.FromName)) from.Name = OneLine(smtp.FromName);
            return from;
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException($"Smtp:FromAddress '{smtp.FromAddress}' is not a valid address.", ex);
        }
    }

    private static MimeEntity Body(EmailMessage email)
    {
        // Quoted-printable keeps lines short and 7-bit, so every relay on the way passes the text on unchanged.
        var text = new TextPart("plain") { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        text.SetText(Encoding.UTF8, email.TextBody);
        if (email.HtmlBody is null) return text;
        var html = new TextPart("html") { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        html.SetText(Encoding.UTF8, email.HtmlBody);
        return new MultipartAlternative { text, html };
    }

    /// <summary>A header is one line: titles typed by users may hold line breaks.</summary>
    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}

using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Options;

namespace IncidentPortal.Infrastructure.Mail;

/// <summary>
/// Hands one mail to the configured SMTP server (System.Net.Mail), or writes it to the log when no server is
/// configured. Failures throw: the outbox keeps the message and tries again later.
/// </summary>
public sealed class SmtpSender(IOptions<SmtpOptions> options, ILogger<SmtpSender> logger)
{


    public async Task SendAsync(EmailMessage email, CancellationToken ct)
    {
        var smtp = options.Value;
        if (!smtp.IsConfigured)
        {
            logger.LogWarning("Mail not sent (Smtp:Host is empty) to {To}: {Subject}\n{Body}", email.To, email.Subject, email.TextBody);
            return;
        }
        using var message = Compose(email, smtp);
        using var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = smtp.EnableSsl,
            Timeout = smtp.TimeoutSeconds * 1000,
        };
        if (!string.IsNullOrEmpty(smtp.UserName)) client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        // SmtpClient's Timeout only governs synchronous sends.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(smtp.TimeoutSeconds));
        await client.SendMailAsync(message, timeout.Token);
        logger.LogInformation("Mail sent to {To}: {Subject}", email.To, email.Subject);
    }

    /// <summary>
    /// True when trying again cannot help: the address is malformed or the server refused this recipient for good
    /// (5xx mailbox replies). Everything else (server down, 4xx, authentication) is worth a retry.
    /// </summary>
    public static bool IsPermanent(Exception failure) => failure switch
    {
        FormatException => true,
        SmtpFailedRecipientException recipient => IsPermanentRecipientStatus(recipient.StatusCode),
        _ => false,
    };

    private static bool IsPermanentRecipientStatus(SmtpStatusCode status) => status is
        SmtpStatusCode.MailboxUnavailable or SmtpStatusCode.UserNotLocalTryAlternatePath or SmtpStatusCode.MailboxNameNotAllowed;

    internal static MailMessage Compose(EmailMessage email, SmtpOptions smtp)
    {
        MailAddress from;
        // A bad sender is the configuration's fault, not this mail's: not a FormatException, so the outbox keeps retrying
        // until an administrator fixes it, while a bad recipient address (FormatException) is given up at once.
        try { from = new MailAddress(smtp.FromAddress, smtp.FromName, Encoding.UTF8); }
        catch (FormatException ex) { throw new InvalidOperationException($"Smtp:FromAddress '{smtp.FromAddress}' is not a valid address.", ex); }
        var message = new MailMessage
        {
            From = from,
            Subject = OneLine(email.Subject),
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.QuotedPrintable,
            Body = email.TextBody,
            IsBodyHtml = false,
        };
        try
        {
            message.To.Add(new MailAddress(email.To));
            foreach (var (name, value) in email.Headers ?? new Dictionary<string, string>())
                message.Headers.Add(name, OneLine(value));
        }
        catch { message.Dispose(); throw; }
        if (email.HtmlBody is not null)
        {
            var html = AlternateView.CreateAlternateViewFromString(email.HtmlBody, Encoding.UTF8, MediaTypeNames.Text.Html);
            html.TransferEncoding = TransferEncoding.QuotedPrintable;
            message.AlternateViews.Add(html);
        }
        return message;
    }

    /// <summary>A subject is one header line: titles typed by users may hold line breaks.</summary>
    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}

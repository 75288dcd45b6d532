using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;

namespace IncidentPortal.Infrastructure.Mail;

/// <summary>
/// Hands one mail to the configured SMTP server (MailKit), or writes it to the log when no server is configured.
/// Failures are logged and thrown: the outbox keeps the message and tries again later.
/// </summary>
public sealed class SmtpSender(IOptions<SmtpOptions> options, TimeProvider clock, ILogger<SmtpSender> logger)
{
    /// <param name="messageId">A Message-ID that stays the same across retries (see <see cref="MailComposer.MessageIdFor"/>).</param>
    public async Task SendAsync(EmailMessage email, CancellationToken ct, string? messageId = null)
    {
        var smtp = options.Value;
        if (!smtp.IsConfigured)
        {
            logger.LogWarning("Mail not sent (Smtp:Host is empty) to {To}: {Subject}\n{Body}", email.To, email.Subject, email.TextBody);
            return;
        }
        var step = "preparing the mail for";
        try
        {
            var message = MailComposer.Compose(email, smtp, clock.GetUtcNow(), messageId);
            step = "connecting to";
            // Wall-clock deadlines, not the TimeProvider: they guard a real socket, whatever time the application believes it is.
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(TimeSpan.FromSeconds(smtp.TimeoutSeconds));
            using var client = new SmtpClient
            {
                Timeout = (int)TimeSpan.FromSeconds(smtp.TimeoutSeconds).TotalMilliseconds,
                ServerCertificateValidationCallback = SmtpServerCertificate.ValidationFor(smtp),
            };
            await ConnectAsync(client, smtp, deadline.Token);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                step = "authenticating with";
                await client.AuthenticateAsync(smtp.UserName, smtp.Password, deadline.Token);
            }
            step = "sending through";
            await client.SendAsync(message, deadline.Token);
            await QuitAsync(client, deadline.Token);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            var timeout = new TimeoutException($"SMTP timed out {step} {smtp.Host}:{smtp.Port}.", ex);
            LogFailure(email, smtp, step, timeout);
            throw timeout;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailure(email, smtp, step, ex);
            throw;
        }
        logger.LogInformation("Mail sent to {To}: {Subject}", email.To, email.Subject);
    }

    private static async Task ConnectAsync(SmtpClient client, SmtpOptions smtp, CancellationToken ct)
    {
        using var connectDeadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        connectDeadline.CancelAfter(TimeSpan.FromSeconds(smtp.ConnectTimeoutSeconds));
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, SmtpSecurityMapping.SocketOptions(smtp), connectDeadline.Token);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"No SMTP connection to {smtp.Host}:{smtp.Port} within {smtp.ConnectTimeoutSeconds} s.", ex);
        }
    }

    /// <summary>The server has the mail: a failed goodbye must not make the outbox send it a second time.</summary>
    private async Task QuitAsync(SmtpClient client, CancellationToken ct)
    {
        try { await client.DisconnectAsync(quit: true, ct); }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "SMTP QUIT failed after the mail was accepted; ignored.");
        }
    }

    private void LogFailure(EmailMessage email, SmtpOptions smtp, string step, Exception failure) =>
        logger.LogWarning("Mail to {To} ({Subject}) not sent: {Step} {Host}:{Port} ({Security}) failed with {Error}: {Reason}",
            email.To, email.Subject, step, smtp.Host, smtp.Port, smtp.EffectiveSecurity, failure.GetType().Name, failure.Message);

    /// <summary>
    /// True when trying again cannot help: the address is malformed or the server refused this recipient for good
    /// (5xx mailbox replies). Everything else (server down, 4xx, TLS, authentication) is worth a retry.
    /// </summary>
    public static bool IsPermanent(Exception failure) => failure switch
    {
        FormatException => true,
        SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } refused => IsPermanentRecipientStatus(refused.StatusCode),
        _ => false,
    };

    private static bool IsPermanentRecipientStatus(SmtpStatusCode status) => status is
        SmtpStatusCode.MailboxUnavailable or SmtpStatusCode.UserNotLocalTryAlternatePath or SmtpStatusCode.MailboxNameNotAllowed;
}

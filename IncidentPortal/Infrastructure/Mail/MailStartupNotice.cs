using Microsoft.Extensions.Options;

namespace IncidentPortal.Infrastructure.Mail;

/// <summary>Says once at start-up where mail goes, so an operator who sees no mail knows why.</summary>
internal sealed class MailStartupNotice(IOptions<SmtpOptions> options, ILogger<MailStartupNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        if (!smtp.IsConfigured)
        {
            logger.LogWarning("Smtp:Host is empty: mail is not sent, it is written to this log instead. Set Smtp:Host to send mail.");
            return Task.CompletedTask;
        }
        logger.LogInformation("Mail is sent through {Host}:{Port} (security {Security}{Login}) from {From}", smtp.Host, smtp.Port,
            smtp.EffectiveSecurity, string.IsNullOrEmpty(smtp.UserName) ? "" : $", signed in as {smtp.UserName}", smtp.FromAddress);
        if (!string.IsNullOrEmpty(smtp.UserName) && smtp.EffectiveSecurity is SmtpSecurity.None or SmtpSecurity.StartTlsWhenAvailable)
            logger.LogWarning("Smtp:UserName is set but Smtp:Security is {Security}: the password may cross the network unencrypted. "
                + "Use StartTls or ImplicitTls.", smtp.EffectiveSecurity);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

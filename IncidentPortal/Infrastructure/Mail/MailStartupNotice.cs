using Microsoft.Extensions.Options;

namespace IncidentPortal.Infrastructure.Mail;

/// <summary>Says once at start-up where mail goes, so an operator who sees no mail knows why.</summary>
internal sealed class MailStartupNotice(IOptions<SmtpOptions> options, ILogger<MailStartupNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        if (smtp.IsConfigured)
            logger.LogInformation("Mail is sent through {Host}:{Port} (TLS {Tls}) from {From}", smtp.Host, smtp.Port, smtp.EnableSsl, smtp.FromAddress);
        else
            logger.LogWarning("Smtp:Host is empty: mail is not sent, it is written to this log instead. Set Smtp:Host to send mail.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

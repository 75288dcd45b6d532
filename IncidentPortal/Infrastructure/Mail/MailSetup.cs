using IncidentPortal.Features.Accounts;
using IncidentPortal.Infrastructure.Outbox;
using Microsoft.AspNetCore.Identity;

namespace IncidentPortal.Infrastructure.Mail;

public static class MailSetup
{
    /// <summary>Outgoing mail: SMTP settings, the outbox handler that sends, and Identity's account mails through it.</summary>
    public static WebApplicationBuilder AddMail(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SmtpOptions>(builder.Configuration.GetSection(SmtpOptions.Section));
        builder.Services.AddSingleton<SmtpSender>();
        builder.Services.AddOutboxHandler<EmailOutboxHandler>();
        builder.Services.AddSingleton<IEmailSender<ApplicationUser>, OutboxEmailSender>();
        builder.Services.AddHostedService<MailStartupNotice>();
        return builder;
    }
}

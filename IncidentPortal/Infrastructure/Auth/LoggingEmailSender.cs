using IncidentPortal.Features.Accounts;
using Microsoft.AspNetCore.Identity;

namespace IncidentPortal.Infrastructure.Auth;

/// <summary>
/// Until outgoing mail is configured, account mails (password reset, email change) are written to the log,
/// where an administrator can pass the link on.
/// </summary>
internal sealed class LoggingEmailSender(ILogger<LoggingEmailSender> logger) : IEmailSender<ApplicationUser>
{
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        Log(email, "Confirm your email", confirmationLink);

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        Log(email, "Reset your password", resetLink);

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        Log(email, "Reset your password (code)", resetCode);

    private Task Log(string email, string subject, string content)
    {
        logger.LogWarning("Mail not sent (no mail server configured) to {Email}: {Subject}: {Content}", email, subject, content);
        return Task.CompletedTask;
    }
}

using System.Net;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Outbox;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Infrastructure.Mail;

/// <summary>
/// Identity's account mails (confirm address, reset password) go through the outbox like every other mail, so they are
/// retried while the mail server is down. Identity has no unit of work to join: each mail is committed on its own.
/// </summary>
internal sealed class OutboxEmailSender(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock) : IEmailSender<ApplicationUser>
{
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        QueueAsync(email, "Confirm your email address",
            $"Hello {user.DisplayName},\n\nConfirm your email address for IncidentPortal by opening this link:\n{Decode(confirmationLink)}\n\nIf you did not ask for this, ignore this mail.",
            $"<p>Hello {Html(user.DisplayName)},</p><p>Confirm your email address for IncidentPortal: <a href=\"{confirmationLink}\">confirm my address</a>.</p><p>If you did not ask for this, ignore this mail.</p>");

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        QueueAsync(email, "Reset your password",
            $"Hello {user.DisplayName},\n\nSomeone (hopefully you) asked to reset your IncidentPortal password. Choose a new one here:\n{Decode(resetLink)}\n\nIf you did not ask for this, ignore this mail: your password stays as it is.",
            $"<p>Hello {Html(user.DisplayName)},</p><p>Someone (hopefully you) asked to reset your IncidentPortal password. <a href=\"{resetLink}\">Choose a new password</a>.</p><p>If you did not ask for this, ignore this mail: your password stays as it is.</p>");

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        QueueAsync(email, "Your password reset code",
            $"Hello {user.DisplayName},\n\nYour IncidentPortal password reset code is:\n{resetCode}\n\nIf you did not ask for this, ignore this mail.", null);

    private async Task QueueAsync(string to, string subject, string text, string? html)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        Outbox.Outbox.Enqueue(db, EmailMessage.OutboxKind, new EmailMessage(to, subject, text, html), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
    }

    // Identity hands over links already HTML-encoded (for its own HTML mails); the text body wants the plain address.
    private static string Decode(string link) => WebUtility.HtmlDecode(link);
    private static string Html(string text) => WebUtility.HtmlEncode(text);
}

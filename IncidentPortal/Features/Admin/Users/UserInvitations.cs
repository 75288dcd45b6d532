using System.Net;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Infrastructure;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IncidentPortal.Features.Admin.Users;

/// <summary>What an admin fills in to invite someone. Everyone is a Reporter; <see cref="Roles"/> are granted on top.</summary>
public sealed record Invitation(string Name, string Email, IReadOnlyCollection<string> Roles, IReadOnlyCollection<int> TeamIds);

/// <summary>What came of an invitation: the new user's id, or a message and the field it is about (null: the whole form).</summary>
public sealed record InvitationResult(string? UserId, string? Field, string? Error)
{
    public bool Succeeded => Error is null;
    public string? ErrorFor(string field) => Field == field ? Error : null;
}

/// <summary>
/// Admins create accounts by invitation: the account exists at once (roles, teams) without a password, and the person
/// gets an e-mail with a link to set one (<see cref="InvitationTokenProvider"/>: expiring, single use). The account,
/// its roles and teams and the e-mail (through the outbox) are written in one transaction: all or nothing.
/// </summary>
public sealed class UserInvitations(IServiceScopeFactory scopes, IOptions<PortalOptions> portal, TimeProvider clock)
{
    public const string Purpose = "SetPassword";
    public const string NameField = "Name";
    public const string EmailField = "Email";

    public async Task<InvitationResult> InviteAsync(Actor actor, Invitation input, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        var (name, email) = ((input.Name ?? "").Trim(), (input.Email ?? "").Trim());
        if (name.Length == 0) return new(null, NameField, "Enter the person's name.");
        if (name.Length > 100) return new(null, NameField, "Keep the name under 100 characters.");
        if (!new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email) || email.Length > 256)
            return new(null, EmailField, "Enter a valid e-mail address.");
        if (input.Roles.Any(r => !Roles.All.Contains(r))) return new(null, null, "Unknown role.");

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await users.FindByEmailAsync(email) is not null) return new(null, EmailField, "There is already an account with that address.");
        var teams = await db.Teams.Where(t => input.TeamIds.Contains(t.Id)).ToListAsync(ct);
        if (teams.Count != input.TeamIds.Distinct().Count()) return new(null, null, "One of the chosen teams no longer exists.");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = name, CreatedAt = clock.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) return new(null, EmailField, string.Join(" ", created.Errors.Select(e => e.Description)));
        var roled = await users.AddToRolesAsync(user, input.Roles.Append(Roles.Reporter).Distinct());
        if (!roled.Succeeded) return new(null, null, string.Join(" ", roled.Errors.Select(e => e.Description)));
        user.Teams.AddRange(teams);
        await QueueMailAsync(db, users, user, actor.Name);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new(user.Id, null, null);
    }

    /// <summary>A new link (the old one stops working) for someone who has not set a password yet.</summary>
    public async Task<string?> ResendAsync(Actor actor, string userId, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = await users.FindByIdAsync(userId);
        if (user is null) return "That user no longer exists.";
        if (user.PasswordHash is not null || SystemAccounts.IsSystem(userId)) return $"{user.Label} has already set a password.";
        await users.UpdateSecurityStampAsync(user);
        await QueueMailAsync(db, users, user, actor.Name);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Sets the invited person's password from the link. Null when done; otherwise why not (expired, used, too weak).</summary>
    public async Task<IReadOnlyList<string>?> AcceptAsync(string userId, string token, string password)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.PasswordHash is not null || !await users.VerifyUserTokenAsync(user, InvitationTokenProvider.Name, Purpose, token))
            return [ExpiredMessage];
        var added = await users.AddPasswordAsync(user, password);
        if (!added.Succeeded) return added.Errors.Select(e => e.Description).ToList();
        // Following the link proved the address.
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        return null;
    }

    /// <summary>Whether the link still works, so the page can say so before anyone types a password.</summary>
    public async Task<bool> IsValidAsync(string userId, string token)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId);
        return user is not null && user.PasswordHash is null && await users.VerifyUserTokenAsync(user, InvitationTokenProvider.Name, Purpose, token);
    }

    public const string ExpiredMessage = "This invitation link has expired or was already used. Ask an administrator to send a new one.";

    private async Task QueueMailAsync(AppDbContext db, UserManager<ApplicationUser> users, ApplicationUser user, string invitedBy)
    {
        var token = await users.GenerateUserTokenAsync(user, InvitationTokenProvider.Name, Purpose);
        var link = $"{portal.Value.BaseUrl}/Account/SetPassword?userId={Uri.EscapeDataString(user.Id)}&code={Uri.EscapeDataString(token)}";
        var until = clock.GetUtcNow().UtcDateTime + InvitationTokenProvider.Lifetime;
        var days = (int)InvitationTokenProvider.Lifetime.TotalDays;
        var text = $"Hello {user.DisplayName},\n\n{invitedBy} invited you to IncidentPortal. Choose your password here to activate your account " +
                   $"(sign-in name: {user.Email}):\n{link}\n\nThe link works once, for {days} days (until {until:yyyy-MM-dd HH:mm} UTC).";
        var html = $"<p>Hello {WebUtility.HtmlEncode(user.DisplayName)},</p><p>{WebUtility.HtmlEncode(invitedBy)} invited you to IncidentPortal " +
                   $"(sign-in name: {WebUtility.HtmlEncode(user.Email)}). <a href=\"{WebUtility.HtmlEncode(link)}\">Choose your password</a> to activate your account.</p>" +
                   $"<p>The link works once, for {days} days (until {until:yyyy-MM-dd HH:mm} UTC).</p>";
        Infrastructure.Outbox.Outbox.Enqueue(db, EmailMessage.OutboxKind,
            new EmailMessage(user.Email!, "You are invited to IncidentPortal", text, html), clock.GetUtcNow().UtcDateTime);
    }
}

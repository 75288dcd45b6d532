using System.Text.Json;
using System.Text.RegularExpressions;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Admin.Users;
using IncidentPortal.Infrastructure.Mail;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Features.Admin;

/// <summary>Defect 9: admins invite users; the e-mailed set-password link works once, and not after it expires.</summary>
public sealed class UserInvitationTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private UserInvitations Invitations => host.Services.GetRequiredService<UserInvitations>();

    private static string NewEmail() => $"invited-{Guid.NewGuid():N}@example.test";

    private async Task<(string UserId, string Token)> LinkAsync(string email)
    {
        await using var db = await host.DbAsync();
        var mails = await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == EmailMessage.OutboxKind && m.Payload.Contains(email))
            .OrderBy(m => m.Id).ToListAsync();
        var mail = JsonSerializer.Deserialize<EmailMessage>(mails.Last().Payload, Web)!;
        Assert.Equal("You are invited to IncidentPortal", mail.Subject);
        var link = Regex.Match(mail.TextBody, @"/Account/SetPassword\?userId=([^&\s]+)&code=(\S+)");
        Assert.True(link.Success, mail.TextBody);
        return (Uri.UnescapeDataString(link.Groups[1].Value), Uri.UnescapeDataString(link.Groups[2].Value));
    }

    [Fact]
    public async Task An_invited_user_exists_with_roles_and_teams_and_sets_a_password_once_from_the_mailed_link()
    {
        var admin = await host.ActorAsync("admin@demo.local");
        var email = NewEmail();
        await using (var db = await host.DbAsync())
        {
            var network = await db.Teams.SingleAsync(t => t.Name == "Network");
            var invited = await Invitations.InviteAsync(admin, new Invitation(" Nora Newcomer ", email, [Roles.Agent], [network.Id]));
            Assert.True(invited.Succeeded, invited.Error);
        }
        var (userId, token) = await LinkAsync(email);

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByIdAsync(userId))!;
            Assert.Equal(("Nora Newcomer", email), (user.DisplayName, user.Email));
            Assert.Null(user.PasswordHash);
            Assert.Equal([Roles.Agent, Roles.Reporter], (await users.GetRolesAsync(user)).Order());
        }
        await using (var db = await host.DbAsync())
            Assert.Equal(["Network"], await db.Users.Where(u => u.Id == userId).SelectMany(u => u.Teams).Select(t => t.Name).ToListAsync());

        Assert.True(await Invitations.IsValidAsync(userId, token));
        Assert.NotNull(await Invitations.AcceptAsync(userId, token, "short"));
        Assert.Null(await Invitations.AcceptAsync(userId, token, "Welcome!Pass1"));
        // Used: the same link cannot set a password again.
        Assert.Equal([UserInvitations.ExpiredMessage], await Invitations.AcceptAsync(userId, token, "Another!Pass2"));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByIdAsync(userId))!;
            Assert.True(await users.CheckPasswordAsync(user, "Welcome!Pass1"));
            Assert.True(user.EmailConfirmed);
        }
    }

    [Fact]
    public async Task The_link_expires_after_seven_days_and_a_resent_one_replaces_it()
    {
        var admin = await host.ActorAsync("admin@demo.local");
        var email = NewEmail();
        Assert.True((await Invitations.InviteAsync(admin, new Invitation("Lena Late", email, [], []))).Succeeded);
        var (userId, first) = await LinkAsync(email);

        host.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        Assert.False(await Invitations.IsValidAsync(userId, first));
        Assert.Equal([UserInvitations.ExpiredMessage], await Invitations.AcceptAsync(userId, first, "Welcome!Pass1"));

        Assert.Null(await Invitations.ResendAsync(admin, userId));
        var (_, second) = await LinkAsync(email);
        Assert.NotEqual(first, second);
        Assert.True(await Invitations.IsValidAsync(userId, second));
        Assert.Null(await Invitations.AcceptAsync(userId, second, "Welcome!Pass1"));
        Assert.NotNull(await Invitations.ResendAsync(admin, userId));
    }

    [Fact]
    public async Task Bad_input_is_refused_at_its_field_and_only_admins_invite()
    {
        var admin = await host.ActorAsync("admin@demo.local");
        Assert.Equal(UserInvitations.NameField, (await Invitations.InviteAsync(admin, new Invitation(" ", NewEmail(), [], []))).Field);
        Assert.Equal(UserInvitations.EmailField, (await Invitations.InviteAsync(admin, new Invitation("No Mail", "not-an-address", [], []))).Field);
        var taken = await Invitations.InviteAsync(admin, new Invitation("Copy Cat", DemoEmails.Agent, [], []));
        Assert.Equal((UserInvitations.EmailField, "There is already an account with that address."), (taken.Field, taken.Error));
        var manager = await host.ActorAsync(DemoEmails.Manager);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            Invitations.InviteAsync(manager, new Invitation("Sneaky", NewEmail(), [Roles.Admin], [])));
        await using var db = await host.DbAsync();
        Assert.False(await db.Users.AnyAsync(u => u.DisplayName == "Sneaky" || u.DisplayName == "No Mail"));
    }
}

using System.Net;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Tests.Support;

namespace IncidentPortal.Tests.Features.Accounts.Pages;

/// <summary>Wrong passwords through the real sign-in form count towards lockout (Accounts:MaxFailedAccessAttempts = 5).</summary>
[Collection(PortalCollection.Name)]
public class LoginLockoutTests(SharedPortal portal)
{
    [Fact]
    public async Task A_wrong_password_shows_an_error_and_signs_nobody_in()
    {
        var email = TestUsers.UniqueEmail("typo");
        await portal.CreateUserAsync(email, Roles.Reporter);
        using var client = portal.CreatePortalClient();

        using var response = await client.SubmitLoginAsync(email, "Wrong!Pass99");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("do not match an account", await response.Content.ReadAsStringAsync());
        Assert.False(client.HasAuthCookie);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_then_the_right_one_does_not_sign_in()
    {
        var email = TestUsers.UniqueEmail("guessed");
        await portal.CreateUserAsync(email, Roles.Reporter);
        using var client = portal.CreatePortalClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await client.SubmitLoginAsync(email, $"Wrong!Pass{attempt}");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        Assert.False(await IsLockedOutAsync(email), "Locked out before the 5th failure.");
        using (var fifth = await client.SubmitLoginAsync(email, "Wrong!Pass5"))
        {
            Assert.Equal(HttpStatusCode.Redirect, fifth.StatusCode);
            Assert.Equal("/Account/Lockout", fifth.LocationPathAndQuery());
        }
        Assert.True(await IsLockedOutAsync(email), "Not locked out after 5 failures.");

        using var right = await client.SubmitLoginAsync(email, PortalFactory.Password);

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/Account/Lockout", right.LocationPathAndQuery());
        Assert.DoesNotContain(PortalClient.AuthCookie, right.SetCookieNames());
        Assert.False(client.HasAuthCookie);
    }

    /// <summary>Asked of a freshly loaded user: an instance loaded before the failures would still say "not locked".</summary>
    private Task<bool> IsLockedOutAsync(string email) =>
        portal.WithUsersAsync(async users => await users.IsLockedOutAsync((await users.FindByEmailAsync(email))!));
}

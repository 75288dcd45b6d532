using System.Net;
using IncidentPortal.Tests.Support;

namespace IncidentPortal.Tests.Infrastructure.Auth;

/// <summary>Sign-in posts per client address are limited (Accounts:SignInAttemptsPerWindow).</summary>
public sealed class SignInRateLimitTests : IDisposable
{
    private readonly PortalFactory portal = new(new Dictionary<string, string?>
    {
        ["Accounts:SignInAttemptsPerWindow"] = "3",
        ["Accounts:SignInWindowSeconds"] = "60",
    });

    [Fact]
    public async Task The_fourth_sign_in_post_in_the_window_gets_429_with_Retry_After()
    {
        using var client = portal.CreatePortalClient();
        var email = TestUsers.UniqueEmail("nobody");

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var allowed = await client.SubmitLoginAsync(email, "Wrong!Pass1");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var limited = await client.SubmitLoginAsync(email, "Wrong!Pass1");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = Assert.Single(limited.Headers.GetValues("Retry-After"));
        Assert.True(int.TryParse(retryAfter, out var seconds) && seconds > 0, $"Retry-After is '{retryAfter}'.");
        Assert.True(seconds <= 60, $"Retry-After {seconds}s is longer than the 60 s window.");

        // Only sign-in attempts are limited: the page itself (and the rest of the app) still opens.
        using var page = await client.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    public void Dispose() => portal.Dispose();
}

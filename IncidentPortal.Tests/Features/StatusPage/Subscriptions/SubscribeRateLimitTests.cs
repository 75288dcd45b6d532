using System.Net;
using IncidentPortal.Tests.Support;

namespace IncidentPortal.Tests.Features.StatusPage.Subscriptions;

public sealed class SubscribeRateLimitTests : IAsyncLifetime
{
    private readonly SubscriberPortal portal = SubscriberPortal.WithSubscribeLimit(2);

    public Task InitializeAsync() => portal.InitializeAsync();
    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task A_client_posting_too_many_subscriptions_gets_429_with_Retry_After_while_the_form_still_loads()
    {
        var http = portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        for (var i = 0; i < 2; i++)
        {
            using var accepted = await portal.SubscribeAsync(http, TestUsers.UniqueEmail("burst"));
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }
        var refusedEmail = TestUsers.UniqueEmail("refused");
        using var refused = await portal.SubscribeAsync(http, refusedEmail);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = Assert.Single(refused.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter), 1, 600);
        Assert.Contains("Too many subscription requests", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await portal.WithDbAsync(db => Task.FromResult(db.StatusSubscribers.Count(s => s.Email == refusedEmail))));

        // The webhook form shares the budget: it cannot be used to get around the limit.
        using var webhook = await portal.SubscribeWebhookAsync(http, "http://127.0.0.1:9/hook", "Generic");
        Assert.Equal(HttpStatusCode.TooManyRequests, webhook.StatusCode);
        Assert.Single(webhook.Headers.GetValues("Retry-After"));
        Assert.False(refused.Headers.Contains("Set-Cookie"));

        using var form = await http.GetAsync("/status/subscribe");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }
}

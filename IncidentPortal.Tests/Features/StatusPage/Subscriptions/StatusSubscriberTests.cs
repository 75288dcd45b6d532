using IncidentPortal.Features.StatusPage.Subscriptions;

namespace IncidentPortal.Tests.Features.StatusPage.Subscriptions;

public sealed class StatusSubscriberTests
{
    [Theory]
    [InlineData(" Ann@Example.COM ", "ann@example.com")]
    [InlineData("ops.team+status@mail.example.org", "ops.team+status@mail.example.org")]
    [InlineData("", null)]
    [InlineData("ann@localhost", null)]
    [InlineData("ann@example.com;bob@example.com", null)]
    [InlineData("Ann <ann@example.com>", null)]
    [InlineData("ann example@example.com", null)]
    public void Addresses_are_normalised_or_refused(string typed, string? expected) =>
        Assert.Equal(expected, StatusSubscriber.NormaliseEmail(typed));

    [Fact]
    public void A_subscriber_of_no_components_covers_everything_and_one_of_some_only_those()
    {
        var (all, _) = StatusSubscriber.Create("all@example.com", [], "127.0.0.1", DateTime.UtcNow);
        var (some, _) = StatusSubscriber.Create("some@example.com", [3, 5, 3], "127.0.0.1", DateTime.UtcNow);
        Assert.True(all.Covers([1]));
        Assert.Equal([3, 5], some.Components.Select(c => c.ComponentId));
        Assert.True(some.Covers([1, 5]));
        Assert.False(some.Covers([1, 2]));
        Assert.True(some.Covers([]));
    }

    [Fact]
    public void Only_the_hash_of_the_confirmation_token_is_kept_and_confirming_keeps_the_first_moment()
    {
        var created = new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);
        var (subscriber, token) = StatusSubscriber.Create("ann@example.com", [], null, created);
        Assert.NotEqual(token, subscriber.ConfirmationTokenHash);
        Assert.Equal(SubscriptionTokens.Hash(token), subscriber.ConfirmationTokenHash);
        Assert.True(token.Length >= 43);
        subscriber.Confirm(created.AddMinutes(5));
        subscriber.Confirm(created.AddMinutes(9));
        Assert.Equal(created.AddMinutes(5), subscriber.ConfirmedAt);
    }
}

using IncidentPortal.Features.Api.Keys;

namespace IncidentPortal.Tests.Features.Api;

public sealed class ApiKeyTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_new_key_has_a_random_url_safe_secret_and_stores_only_its_hash_and_prefix()
    {
        var (key, secret) = ApiKey.Create("user-1", "  CI  ", ApiKeyScope.Read, null, Now);
        var (_, other) = ApiKey.Create("user-1", "CI", ApiKeyScope.Read, null, Now);

        Assert.Matches("^ipa_[A-Za-z0-9_-]{43}$", secret);
        Assert.NotEqual(secret, other);
        Assert.Equal("CI", key.Name);
        Assert.Equal(secret[..12], key.DisplayPrefix);
        Assert.Equal(64, key.Hash.Length);
        Assert.DoesNotContain(secret[4..], key.Hash);
        Assert.Equal(ApiKey.HashOf(secret), key.Hash);
    }

    [Theory]
    [InlineData("", 10)]
    [InlineData("   ", 10)]
    [InlineData("ok", -1)]
    [InlineData("ok", 0)]
    public void A_key_needs_a_name_and_an_expiry_in_the_future(string name, int expiresInMinutes)
    {
        Assert.Throws<ApiKeyRuleException>(() => ApiKey.Create("user-1", name, ApiKeyScope.ReadWrite, Now.AddMinutes(expiresInMinutes), Now));
    }

    [Fact]
    public void A_name_longer_than_the_limit_and_an_unknown_scope_are_refused()
    {
        Assert.Throws<ApiKeyRuleException>(() => ApiKey.Create("u", new string('x', ApiKey.MaxNameLength + 1), ApiKeyScope.Read, null, Now));
        Assert.Throws<ApiKeyRuleException>(() => ApiKey.Create("u", "ok", (ApiKeyScope)7, null, Now));
    }

    [Fact]
    public void A_key_is_usable_until_it_expires_or_is_revoked_and_revoking_keeps_the_first_time()
    {
        var (key, _) = ApiKey.Create("u", "k", ApiKeyScope.Read, Now.AddDays(1), Now);
        Assert.True(key.IsUsableAt(Now.AddHours(23)));
        Assert.False(key.IsUsableAt(Now.AddDays(1)));

        key.Revoke(Now.AddHours(1));
        key.Revoke(Now.AddHours(2));
        Assert.False(key.IsUsableAt(Now.AddHours(1)));
        Assert.Equal(Now.AddHours(1), key.RevokedAt);
    }

    [Fact]
    public void Last_use_is_written_at_most_once_a_minute()
    {
        var (key, _) = ApiKey.Create("u", "k", ApiKeyScope.Read, null, Now);
        Assert.True(key.MarkUsed(Now));
        Assert.False(key.MarkUsed(Now.AddSeconds(59)));
        Assert.True(key.MarkUsed(Now.AddSeconds(61)));
        Assert.Equal(Now.AddSeconds(61), key.LastUsedAt);
    }
}

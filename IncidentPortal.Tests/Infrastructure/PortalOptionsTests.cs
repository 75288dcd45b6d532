using IncidentPortal.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace IncidentPortal.Tests.Infrastructure;

/// <summary>An install upgraded with its old settings keeps its links until the operator sets Portal:PublicUrl.</summary>
public sealed class PortalOptionsTests
{
    [Theory]
    [InlineData("Notifications:PublicUrl")]
    [InlineData("Webhooks:PortalUrl")]
    public void An_old_key_is_used_when_Portal_PublicUrl_is_not_set(string oldKey)
    {
        var config = Config((oldKey, "https://incidents.example.com/"), ("Portal:PublicUrl", ""));

        Assert.Equal(oldKey, PortalOptions.MovedKeyInUse(config));
        Assert.Equal("https://incidents.example.com", Bound(config).BaseUrl);
    }

    [Fact]
    public void Portal_PublicUrl_wins_over_the_old_keys()
    {
        var config = Config(("Portal:PublicUrl", "https://new.example.com"), ("Notifications:PublicUrl", "https://old.example.com"),
            ("Webhooks:PortalUrl", "https://old.example.com"));

        Assert.Null(PortalOptions.MovedKeyInUse(config));
        Assert.Equal("https://new.example.com", Bound(config).BaseUrl);
    }

    [Fact]
    public void Nothing_set_keeps_the_default() =>
        Assert.Equal("http://localhost:5080", Bound(Config()).BaseUrl);

    private static IConfiguration Config(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => s.Value)).Build();

    private static PortalOptions Bound(IConfiguration config)
    {
        var options = new PortalOptions();
        PortalOptions.Bind(options, config);
        return options;
    }
}

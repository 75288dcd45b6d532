using System.Net;
using IncidentPortal.Features.StatusPage.Subscriptions.Webhooks;
using Microsoft.Extensions.Options;

namespace IncidentPortal.Tests.Features.StatusPage.Subscriptions;

public sealed class WebhookTargetsTests
{
    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("8.8.8.8", true)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("2606:4700:4700::1111", true)]
    public void Only_public_addresses_are_public(string address, bool expected) =>
        Assert.Equal(expected, WebhookTargets.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("https://10.0.0.5/hook")]
    public async Task Local_and_private_targets_are_refused_unless_allowed(string url)
    {
        var strict = new WebhookTargets(Options.Create(new StatusWebhookOptions()));
        var (refused, error) = await strict.CheckAsync(url, CancellationToken.None);
        Assert.Null(refused);
        Assert.NotNull(error);
        var lenient = new WebhookTargets(Options.Create(new StatusWebhookOptions { AllowPrivateWebhookTargets = true }));
        Assert.NotNull((await lenient.CheckAsync(url, CancellationToken.None)).Url);
    }

    [Theory]
    [InlineData("https://example.com/hook", true)]
    [InlineData("ftp://example.com/hook", false)]
    [InlineData("https://u:p@example.com/hook", false)]
    [InlineData("/relative", false)]
    public async Task Only_absolute_http_addresses_without_credentials_are_taken(string url, bool taken)
    {
        var lenient = new WebhookTargets(Options.Create(new StatusWebhookOptions { AllowPrivateWebhookTargets = true }));
        Assert.Equal(taken, (await lenient.CheckAsync(url, CancellationToken.None)).Url is not null);
    }
}

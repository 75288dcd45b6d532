using Bunit;
using IncidentPortal.Features.Api.Keys;
using IncidentPortal.Features.Api.Pages;
using IncidentPortal.Tests.Components.Admin;
using IncidentPortal.Tests.Components.Support;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IncidentPortal.Tests.Components.Api;

/// <summary>The API keys page on the real key service: validation at the field, the secret shown once, revoking asks first.</summary>
public sealed class ApiKeysPageTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    [Fact]
    public async Task A_key_without_a_name_is_refused_at_the_name_field_and_the_message_goes_once_a_name_is_typed()
    {
        var actor = await host.ActorAsync(DemoEmails.Reporter);
        await using var ctx = PortalComponents.Create(host, actor);
        var before = (await KeysAsync(actor)).Count;
        var cut = ctx.Render<ApiKeysPage>();

        cut.Field("Name").Input("   ");
        cut.Find("form").Submit();

        var name = cut.Field("Name");
        Assert.Equal("true", name.GetAttribute("aria-invalid"));
        Assert.Equal(ApiKeyDraft.NameRequired, cut.Description(name));
        Assert.Equal(ApiKeyDraft.NameRequired, cut.Find("[role=alert]").TextContent.Trim());
        Assert.Equal(before, (await KeysAsync(actor)).Count);
        Assert.DoesNotContain(cut.FindAll("label"), l => l.TextContent.Trim() == "New API key");

        cut.Field("Name").Input("Nightly export");
        Assert.NotEqual("true", cut.Field("Name").GetAttribute("aria-invalid"));
        Assert.Empty(cut.FindAll("[role=alert]"));
    }

    [Fact]
    public async Task A_created_key_is_shown_once_with_a_copy_button_and_then_listed_by_its_prefix_only()
    {
        var actor = await host.ActorAsync(DemoEmails.Agent);
        await using var ctx = PortalComponents.Create(host, actor);
        var popovers = ctx.Render<MudPopoverProvider>();
        var cut = ctx.Render<ApiKeysPage>();
        var keyName = "Shown once " + Guid.NewGuid().ToString("N")[..6];

        cut.Field("Name").Input(keyName);
        cut.FindAll("label").Single(l => l.TextContent.Trim() == "Read and write: also report, change and comment")
            .QuerySelector("input[type=radio]")!.Click();
        popovers.Choose(cut, "Expires", "Never");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.StartsWith(ApiKey.SecretPrefix, cut.Field("New API key").GetAttribute("value")));
        var secret = cut.Field("New API key").GetAttribute("value")!;
        Assert.True(cut.Field("New API key").HasAttribute("readonly"));
        Assert.NotNull(cut.Button("Copy the key"));
        Assert.Equal("", cut.Field("Name").GetAttribute("value") ?? "");

        var stored = (await KeysAsync(actor)).Single(k => k.Name == keyName);
        Assert.Equal((ApiKeyScope.ReadWrite, (DateTime?)null), (stored.Scope, stored.ExpiresAt));
        var card = cut.Find($"ul[aria-label='Your API keys'] li[aria-label='{keyName}']");
        Assert.Contains(secret[..ApiKey.DisplayPrefixLength], card.TextContent);
        Assert.DoesNotContain(secret, card.TextContent);
        Assert.Contains("Read and write", card.TextContent);
        Assert.Contains("Active", card.TextContent);

        // Dismissed, or opened again: the secret is nowhere on the page.
        cut.Button("I have stored it").Click();
        Assert.DoesNotContain(secret, cut.Markup);
        var again = ctx.Render<ApiKeysPage>();
        Assert.DoesNotContain(secret, again.Markup);
        Assert.Contains(secret[..ApiKey.DisplayPrefixLength], again.Find($"li[aria-label='{keyName}']").TextContent);
    }

    [Fact]
    public async Task Revoking_asks_first_and_keeping_the_key_leaves_it_active()
    {
        var actor = await host.ActorAsync(DemoEmails.Manager);
        var keyName = "Revoke me " + Guid.NewGuid().ToString("N")[..6];
        await host.Services.GetRequiredService<ApiKeyService>().CreateAsync(actor, keyName, ApiKeyScope.Read, null);
        await using var ctx = PortalComponents.Create(host, actor);
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = ctx.Render<ApiKeysPage>();
        cut.WaitForAssertion(() => cut.Find($"li[aria-label='{keyName}']"));

        cut.Button($"Revoke {keyName}").Click();
        dialogs.WaitForAssertion(() => Assert.Contains(keyName, dialogs.Find("[role=dialog]").TextContent));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Keep it").Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[role=dialog]")));
        Assert.Null((await KeysAsync(actor)).Single(k => k.Name == keyName).RevokedAt);

        cut.Button($"Revoke {keyName}").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[role=dialog]"));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Revoke key").Click();

        cut.WaitForAssertion(() => Assert.Contains($"Revoked “{keyName}”", cut.Find("[role=status]").TextContent));
        Assert.NotNull((await KeysAsync(actor)).Single(k => k.Name == keyName).RevokedAt);
        var card = cut.Find($"li[aria-label='{keyName}']");
        Assert.Contains("Revoked", card.TextContent);
        Assert.Empty(card.QuerySelectorAll("button"));
    }

    private Task<IReadOnlyList<ApiKeyInfo>> KeysAsync(IncidentPortal.Features.Accounts.Actor actor) =>
        host.Services.GetRequiredService<ApiKeyService>().ListAsync(actor);
}

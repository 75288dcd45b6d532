using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Webhooks;
using IncidentPortal.Tests.Features.Webhooks.Support;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Tests.Features.Webhooks;

/// <summary>What admins do to endpoints: validation, authorization, secrets, test events, redelivery, disabling.</summary>
public sealed class WebhookAdminServiceTests(WebhookTestHost host) : IClassFixture<WebhookTestHost>
{
    [Fact]
    public async Task Only_admins_may_list_change_or_trigger_webhooks()
    {
        var (id, _) = await host.RegisterAsync("/guarded", WebhookEvents.Created);
        try
        {
            foreach (var actor in new[] { await host.AgentAsync(), await host.ReporterAsync() })
            {
                await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.Admin.ListAsync(actor));
                await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.Admin.CreateAsync(actor, Settings("Sneaky", "https://evil.example/x")));
                await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.Admin.DeliveriesAsync(actor, id));
                await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.Admin.SendTestAsync(actor, id));
                await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.Admin.RotateSecretAsync(actor, id));
                await Assert.ThrowsAsync<UnauthorizedAccessException>(() => host.Admin.DeleteAsync(actor, id));
            }
        }
        finally { await host.UnregisterAsync(id); }
    }

    [Theory]
    [InlineData("", "https://hooks.example.com/x", WebhookEvents.Created, "Name")]
    [InlineData("Bad url", "hooks.example.com/x", WebhookEvents.Created, "Url")]
    [InlineData("Bad scheme", "file:///etc/passwd", WebhookEvents.Created, "Url")]
    [InlineData("No events", "https://hooks.example.com/x", WebhookEvents.None, "Events")]
    public async Task Invalid_settings_are_refused_at_their_field_and_nothing_is_stored(string name, string url, WebhookEvents events, string field)
    {
        var admin = await host.AdminAsync();
        await using var before = await host.DbAsync();
        var count = await before.WebhookEndpoints.CountAsync();

        var result = await host.Admin.CreateAsync(admin, new WebhookSettings(name, url, events, [], [], true));

        Assert.False(result.Result.Succeeded);
        Assert.Equal(field, result.Result.Field);
        Assert.Null(result.Secret);
        await using var after = await host.DbAsync();
        Assert.Equal(count, await after.WebhookEndpoints.CountAsync());
    }

    [Fact]
    public async Task Names_are_unique_ignoring_case_and_unknown_teams_are_refused()
    {
        var (id, _) = await host.RegisterAsync("/unique", WebhookEvents.Created);
        try
        {
            var admin = await host.AdminAsync();
            var duplicate = await host.Admin.CreateAsync(admin, Settings("HOOK UNIQUE", "https://hooks.example.com/x"));
            Assert.Equal(("Name", "There is already a webhook called \"HOOK UNIQUE\"."), (duplicate.Result.Field, duplicate.Result.Error));
            var unknownTeam = await host.Admin.UpdateAsync(admin, id, Settings("Hook unique", "https://hooks.example.com/x") with { TeamIds = [987654] });
            Assert.Equal("Teams", unknownTeam.Field);
        }
        finally { await host.UnregisterAsync(id); }
    }

    [Fact]
    public async Task The_secret_is_stored_encrypted_and_rotating_it_signs_later_deliveries_with_the_new_one()
    {
        var (id, secret) = await host.RegisterAsync("/rotate", WebhookEvents.Created);
        try
        {
            await using (var db = await host.DbAsync())
            {
                var stored = await db.WebhookEndpoints.Where(e => e.Id == id).Select(e => e.ProtectedSecret).SingleAsync();
                Assert.DoesNotContain(secret, stored);
                Assert.DoesNotContain(secret["whsec_".Length..], stored);
            }
            var rotated = await host.Admin.RotateSecretAsync(await host.AdminAsync(), id);
            Assert.True(rotated.Result.Succeeded);
            Assert.NotEqual(secret, rotated.Secret);

            await host.Admin.SendTestAsync(await host.AdminAsync(), id);
            var ping = await host.Receiver.NextAsync("/rotate");
            var (timestamp, signature) = (ping.Header(WebhookRequest.TimestampHeader), ping.Header(WebhookRequest.SignatureHeader));
            Assert.True(WebhookSignature.Verify(rotated.Secret!, timestamp, ping.Body, signature));
            Assert.False(WebhookSignature.Verify(secret, timestamp, ping.Body, signature));
        }
        finally { await host.UnregisterAsync(id); }
    }

    [Fact]
    public async Task Redelivery_sends_the_same_body_and_delivery_id_again_and_logs_it_as_a_redelivery()
    {
        var (id, _) = await host.RegisterAsync("/again", WebhookEvents.Created);
        try
        {
            var admin = await host.AdminAsync();
            await host.Admin.SendTestAsync(admin, id);
            var first = await host.Receiver.NextAsync("/again");
            var logged = Assert.Single(await host.AttemptsAsync(id, 1));

            var result = await host.Admin.RedeliverAsync(admin, logged.Id);
            Assert.True(result.Succeeded, result.Error);
            var second = await host.Receiver.NextAsync("/again");

            Assert.Equal(first.Body, second.Body);
            Assert.Equal(first.Header(WebhookRequest.DeliveryHeader), second.Header(WebhookRequest.DeliveryHeader));
            var log = await host.AttemptsAsync(id, 2);
            Assert.Equal((2, true, WebhookAttemptOutcome.Delivered), (log[1].Attempt, log[1].IsRedelivery, log[1].Outcome));
        }
        finally { await host.UnregisterAsync(id); }
    }

    [Fact]
    public async Task A_disabled_endpoint_receives_nothing_and_refuses_test_events()
    {
        var (id, _) = await host.RegisterAsync("/disabled", WebhookEvents.Created);
        try
        {
            var admin = await host.AdminAsync();
            var disabled = await host.Admin.UpdateAsync(admin, id, Settings("Hook disabled", host.Receiver.Url("/disabled")) with { IsEnabled = false });
            Assert.True(disabled.Succeeded, disabled.Error);

            var test = await host.Admin.SendTestAsync(admin, id);
            Assert.Contains("disabled", test.Error);
            await host.ReportAsync("Email", Impact.Low, Urgency.Low, "Nobody should hear of this");
            await Task.Delay(1000);
            Assert.Empty(host.Receiver.At("/disabled"));
            Assert.Empty(await host.Admin.DeliveriesAsync(admin, id));
        }
        finally { await host.UnregisterAsync(id); }
    }

    [Fact]
    public async Task Deleting_an_endpoint_removes_its_log()
    {
        var (id, _) = await host.RegisterAsync("/deleted", WebhookEvents.Created);
        var admin = await host.AdminAsync();
        await host.Admin.SendTestAsync(admin, id);
        await host.Receiver.NextAsync("/deleted");
        Assert.Single(await host.AttemptsAsync(id, 1));

        Assert.True((await host.Admin.DeleteAsync(admin, id)).Succeeded);
        await using var db = await host.DbAsync();
        Assert.False(await db.WebhookDeliveries.AnyAsync(d => d.EndpointId == id));
        Assert.False((await host.Admin.DeleteAsync(admin, id)).Succeeded);
    }

    private static WebhookSettings Settings(string name, string url) => new(name, url, WebhookEvents.Created, [], [], true);
}

using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.StatusPage;
using IncidentPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Features.StatusPage.Subscriptions;

/// <summary>
/// The app in-process, its mail going to a real <see cref="SmtpTestServer"/> on 127.0.0.1, a fast-retrying outbox,
/// an incident manager, an open incident and two public components (Email, VPN).
/// </summary>
public sealed class SubscriberPortal : PortalFactory, IAsyncLifetime
{
    public SubscriberPortal() : this(new SmtpTestServer(), subscribesPerWindow: 1000) { }

    private SubscriberPortal(SmtpTestServer smtp, int subscribesPerWindow) : base(new Dictionary<string, string?>
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = smtp.Port.ToString(),
        ["Smtp:FromAddress"] = "status@portal.test",
        ["Smtp:TimeoutSeconds"] = "5",
        ["Portal:PublicUrl"] = "http://localhost",
        ["Outbox:PollSeconds"] = "0.2",
        ["Outbox:RetryBaseSeconds"] = "0.3",
        ["Outbox:MaxRetryMinutes"] = "0.01",
        ["Outbox:MaxAttempts"] = "100",
        ["StatusSubscriptions:RequestsPerWindow"] = subscribesPerWindow.ToString(),
        ["StatusSubscriptions:WindowSeconds"] = "600",
        // The tests' webhook receiver listens on 127.0.0.1.
        ["StatusPage:AllowPrivateWebhookTargets"] = "true",
    }) => Smtp = smtp;

    /// <summary>A portal whose subscribe form accepts only <paramref name="perWindow"/> posts per client per 10 minutes.</summary>
    public static SubscriberPortal WithSubscribeLimit(int perWindow) => new(new SmtpTestServer(), perWindow);

    public SmtpTestServer Smtp { get; }
    public Actor Manager { get; private set; } = null!;
    public int IncidentId { get; private set; }
    public int EmailComponent { get; private set; }
    public int VpnComponent { get; private set; }
    public StatusService Status => Services.GetRequiredService<StatusService>();

    public async Task InitializeAsync()
    {
        var manager = await CreateUserAsync(TestUsers.UniqueEmail("manager"), Roles.Agent, Roles.IncidentManager);
        Manager = new Actor(manager.Id, "Manager", true, true, false);
        var reporter = await CreateUserAsync(TestUsers.UniqueEmail("reporter"));
        var incident = await Services.GetRequiredService<IncidentService>().ReportAsync(new Actor(reporter.Id, "Reporter", false, false, false),
            new IncidentDraft("Mail is slow", null, Impact.High, Urgency.High, IncidentSource.Portal, null, null));
        IncidentId = incident.Id;
        (EmailComponent, VpnComponent) = await WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var email = StatusComponent.Create("Email", null, "Core", 1, null, now);
            var vpn = StatusComponent.Create("VPN", null, "Network", 1, null, now);
            db.StatusComponents.AddRange(email, vpn);
            await db.SaveChangesAsync();
            return (email.Id, vpn.Id);
        });
    }

    public async Task PublishAsync(string message, IncidentPhase phase, params int[] components)
    {
        var result = await Status.PublishUpdateAsync(Manager, IncidentId, new PublishRequest("Email delays", phase, message,
            components.ToDictionary(id => id, _ => ComponentStatus.MajorOutage)));
        Assert.True(result.Succeeded, result.Error);
    }

    /// <summary>Posts the public subscribe form as a browser does: no cookies, no antiforgery token.</summary>
    public async Task<HttpResponseMessage> SubscribeAsync(HttpClient http, string email, params int[] components) =>
        await http.PostAsync("/status/subscribe", new FormUrlEncodedContent(
            components.Select(id => new KeyValuePair<string, string>("ComponentIds", id.ToString()))
                .Append(new("Email", email))));

    /// <summary>Posts the public webhook form.</summary>
    public async Task<HttpResponseMessage> SubscribeWebhookAsync(HttpClient http, string url, string format, params int[] components) =>
        await http.PostAsync("/status/subscribe/webhook", new FormUrlEncodedContent(
            components.Select(id => new KeyValuePair<string, string>("WebhookComponentIds", id.ToString()))
                .Append(new("WebhookUrl", url)).Append(new("WebhookFormat", format))));

    /// <summary>The path and query of the first link in <paramref name="mail"/>'s text that starts with <paramref name="path"/>.</summary>
    public static string LinkIn(ReceivedMail mail, string path)
    {
        var prefix = "http://localhost" + path;
        var start = mail.TextBody!.IndexOf(prefix, StringComparison.Ordinal);
        Assert.True(start >= 0, $"No {path} link in: {mail.TextBody}");
        var end = mail.TextBody.IndexOfAny([' ', '\r', '\n'], start);
        return mail.TextBody[(start + "http://localhost".Length)..(end < 0 ? mail.TextBody.Length : end)];
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

using System.Net;
using IncidentPortal.Features.StatusPage;
using IncidentPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Tests.Features.StatusPage.Subscriptions;

/// <summary>E-mail subscriptions end to end through HTTP, the outbox and a real SMTP listener on 127.0.0.1.</summary>
public sealed class EmailSubscriptionTests(SubscriberPortal portal) : IClassFixture<SubscriberPortal>
{
    private HttpClient NewBrowser() => portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

    [Fact]
    public async Task A_subscriber_confirms_by_the_mailed_link_and_receives_the_next_update_for_their_component()
    {
        var http = NewBrowser();
        var email = TestUsers.UniqueEmail("sub");
        using var subscribed = await portal.SubscribeAsync(http, email, portal.EmailComponent);
        Assert.Equal(HttpStatusCode.OK, subscribed.StatusCode);
        Assert.False(subscribed.Headers.Contains("Set-Cookie"), "The public subscribe form must not set cookies.");
        var page = await Html.ParseAsync(subscribed);
        Assert.Contains("Check your inbox", page.QuerySelector("[role=status]")!.TextContent);

        var confirmation = await portal.Smtp.WaitForMessageToAsync(email);
        Assert.Equal("Confirm your status update subscription", confirmation.Subject);
        Assert.StartsWith("<http://localhost/status/unsubscribe/one-click?token=", confirmation.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", confirmation.Headers["List-Unsubscribe-Post"]);

        // Nothing is sent before confirming.
        await portal.PublishAsync("We are looking into delayed mail.", IncidentPhase.Investigating, portal.EmailComponent);
        await Task.Delay(1500);
        Assert.Single(portal.Smtp.Messages, m => m.To.Contains(email));

        var confirmLink = SubscriberPortal.LinkIn(confirmation, "/status/subscribe/confirm");
        var confirmed = await GetDocumentAsync(http, confirmLink);
        Assert.Equal("You are subscribed", confirmed.Heading());
        Assert.Equal("Already confirmed", (await GetDocumentAsync(http, confirmLink)).Heading());

        await portal.PublishAsync("The cause is a full disk on the mail relay.", IncidentPhase.Identified, portal.EmailComponent);
        var update = await portal.Smtp.WaitForMessageAsync(m => m.To.Contains(email) && m.Subject.Contains("Identified"));
        Assert.Equal("[Identified] Email delays", update.Subject);
        Assert.Contains("The cause is a full disk on the mail relay.", update.TextBody);
        Assert.Contains("Affected: Email", update.TextBody);
        Assert.Contains("http://localhost/status/unsubscribe?token=", update.TextBody);
        Assert.Contains("Unsubscribe</a>", update.HtmlBody);
        Assert.Equal("List-Unsubscribe=One-Click", update.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public async Task Component_subscribers_hear_only_about_their_components_and_whole_page_subscribers_about_everything()
    {
        var http = NewBrowser();
        var vpnOnly = await ConfirmedSubscriberAsync(http, "vpn", portal.VpnComponent);
        var everything = await ConfirmedSubscriberAsync(http, "all");

        await portal.PublishAsync("Mail is delayed by about ten minutes.", IncidentPhase.Monitoring, portal.EmailComponent);

        var toAll = await portal.Smtp.WaitForMessageAsync(m => m.To.Contains(everything) && m.Subject.Contains("Monitoring"));
        Assert.Contains("Mail is delayed by about ten minutes.", toAll.TextBody);
        await Task.Delay(1000);
        Assert.DoesNotContain(portal.Smtp.Messages, m => m.To.Contains(vpnOnly) && m.Subject.Contains("Monitoring"));
    }

    [Fact]
    public async Task One_click_unsubscribe_from_the_mail_header_stops_further_mail()
    {
        var http = NewBrowser();
        var email = await ConfirmedSubscriberAsync(http, "leaver");
        var header = portal.Smtp.Messages.Last(m => m.To.Contains(email)).Headers["List-Unsubscribe"].Trim('<', '>');

        // RFC 8058: the mail program posts this body to the header's address, with no cookies.
        using var unsubscribed = await http.PostAsync(new Uri(header).PathAndQuery,
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);
        Assert.Equal(0, await portal.WithDbAsync(db => db.StatusSubscribers.CountAsync(s => s.Email == email)));
        using var again = await http.PostAsync(new Uri(header).PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);

        var witness = await ConfirmedSubscriberAsync(http, "witness");
        await portal.PublishAsync("Still investigating the mail relay.", IncidentPhase.Investigating, portal.EmailComponent);
        await portal.Smtp.WaitForMessageAsync(m => m.To.Contains(witness) && m.Subject.StartsWith("[Investigating]"));
        await Task.Delay(500);
        Assert.DoesNotContain(portal.Smtp.Messages, m => m.To.Contains(email) && m.Subject.StartsWith("[Investigating]"));
    }

    [Fact]
    public async Task The_unsubscribe_page_asks_first_then_unsubscribes_and_says_so_idempotently()
    {
        var http = NewBrowser();
        var email = await ConfirmedSubscriberAsync(http, "page-leaver");
        var link = SubscriberPortal.LinkIn(portal.Smtp.Messages.Last(m => m.To.Contains(email)), "/status/unsubscribe?token=");

        var asking = await GetDocumentAsync(http, link);
        Assert.Equal("Unsubscribe from status updates?", asking.Heading());
        Assert.Equal(1, await portal.WithDbAsync(db => db.StatusSubscribers.CountAsync(s => s.Email == email)));
        var form = asking.QuerySelector("form[method=post]")!;
        using var posted = await http.PostAsync(form.GetAttribute("action")!, new FormUrlEncodedContent([new("source", "page")]));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("You are unsubscribed", (await GetDocumentAsync(http, posted.Headers.Location!.OriginalString)).Heading());
        Assert.Equal(0, await portal.WithDbAsync(db => db.StatusSubscribers.CountAsync(s => s.Email == email)));
        Assert.Equal("Not subscribed", (await GetDocumentAsync(http, link)).Heading());
    }

    [Fact]
    public async Task A_mail_server_outage_delays_updates_but_loses_none()
    {
        var http = NewBrowser();
        var email = await ConfirmedSubscriberAsync(http, "patient");
        portal.Smtp.Stop();
        try
        {
            await portal.PublishAsync("Mail relay restarted; watching the queue drain.", IncidentPhase.Monitoring, portal.EmailComponent);
            await portal.WithDbAsync(async db =>
            {
                var deadline = DateTime.UtcNow.AddSeconds(15);
                while (!await db.OutboxMessages.AnyAsync(m => m.Kind == "email" && m.Attempts > 0 && m.Payload.Contains(email)))
                {
                    Assert.True(DateTime.UtcNow < deadline, "The update mail was never tried while the server was down.");
                    await Task.Delay(100);
                }
                return true;
            });
        }
        finally
        {
            portal.Smtp.Start();
        }
        var update = await portal.Smtp.WaitForMessageAsync(m => m.To.Contains(email) && m.Subject.Contains("Monitoring"), TimeSpan.FromSeconds(20));
        Assert.Contains("Mail relay restarted", update.TextBody);
    }

    [Fact]
    public async Task Subscribing_a_confirmed_address_again_changes_nothing_and_tells_its_owner()
    {
        var http = NewBrowser();
        var email = await ConfirmedSubscriberAsync(http, "twice", portal.VpnComponent);
        using var again = await portal.SubscribeAsync(http, email.ToUpperInvariant().Replace("PORTAL.TEST", "portal.test"), portal.EmailComponent);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var notice = await portal.Smtp.WaitForMessageAsync(m => m.To.Contains(email, StringComparer.OrdinalIgnoreCase)
            && m.Subject == "You are already subscribed to status updates");
        Assert.Contains("/status/unsubscribe?token=", notice.TextBody);
        var components = await portal.WithDbAsync(db => db.StatusSubscribers.Where(s => s.Email.ToLower() == email.ToLower())
            .SelectMany(s => s.Components.Select(c => c.ComponentId)).ToListAsync());
        Assert.Equal([portal.VpnComponent], components);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-address")]
    [InlineData("two@portal.test, three@portal.test")]
    [InlineData("Name <name@portal.test>")]
    public async Task A_bad_address_gets_a_field_message_and_stores_and_sends_nothing(string email)
    {
        var http = NewBrowser();
        var outboxBefore = await portal.WithDbAsync(db => db.OutboxMessages.CountAsync());
        using var response = await portal.SubscribeAsync(http, email, portal.EmailComponent);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(["Enter one e-mail address, like name@example.com."], page.FieldMessages("Email"));
        Assert.Equal(email, page.QuerySelector("#subscribe-email")!.GetAttribute("value") ?? "");
        Assert.Equal("true", page.QuerySelector($"#component-{portal.EmailComponent}")!.HasAttribute("checked") ? "true" : "false");
        Assert.Equal(outboxBefore, await portal.WithDbAsync(db => db.OutboxMessages.CountAsync()));
        Assert.Equal(0, await portal.WithDbAsync(db => db.StatusSubscribers.CountAsync(s => s.Email == email)));
    }

    [Fact]
    public async Task An_unknown_component_is_refused_with_a_message()
    {
        using var response = await portal.SubscribeAsync(NewBrowser(), TestUsers.UniqueEmail("ghost"), 999_999);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("no longer on the page", page.QuerySelector("fieldset .field-error")!.TextContent);
    }

    [Fact]
    public async Task A_made_up_confirmation_link_says_it_does_not_work()
    {
        var page = await GetDocumentAsync(NewBrowser(), "/status/subscribe/confirm?token=made-up");
        Assert.Equal("This link does not work", page.Heading());
    }

    [Fact]
    public async Task The_subscribe_page_lists_components_with_labels_and_sets_no_cookie()
    {
        using var response = await NewBrowser().GetAsync("/status/subscribe");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies), $"Sets {string.Join("; ", cookies ?? [])}");
        var page = await Html.ParseAsync(response);
        Assert.Equal("Email", page.QuerySelector($"label[for=component-{portal.EmailComponent}]")!.TextContent);
        Assert.Equal("VPN", page.QuerySelector($"label[for=component-{portal.VpnComponent}]")!.TextContent);
        Assert.NotNull(page.QuerySelector("label[for=subscribe-email]"));
        Assert.Null(page.QuerySelector($"input[name={PortalClient.AntiforgeryField}]"));
    }

    private async Task<string> ConfirmedSubscriberAsync(HttpClient http, string prefix, params int[] components)
    {
        var email = TestUsers.UniqueEmail(prefix);
        using var response = await portal.SubscribeAsync(http, email, components);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var confirmation = await portal.Smtp.WaitForMessageToAsync(email);
        Assert.Equal("You are subscribed", (await GetDocumentAsync(http, SubscriberPortal.LinkIn(confirmation, "/status/subscribe/confirm"))).Heading());
        return email;
    }

    private static async Task<AngleSharp.Dom.IDocument> GetDocumentAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }
}

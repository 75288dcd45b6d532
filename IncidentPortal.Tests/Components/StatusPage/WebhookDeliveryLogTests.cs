using IncidentPortal.Tests.Components.Support;
using Bunit;
using IncidentPortal.Features.StatusPage.Subscriptions.Admin;
using IncidentPortal.Features.StatusPage.Subscriptions.Webhooks;
using MudBlazor;
using MudBlazor.Services;

namespace IncidentPortal.Tests.Components.StatusPage;

/// <summary>The subscribers page's delivery log shows a page of attempts at a time, newest first, with a pager when there are more.</summary>
public sealed class WebhookDeliveryLogTests
{
    private static readonly DateTime Start = new(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);

    private static List<DeliveryRow> Attempts(int count) => Enumerable.Range(1, count)
        .Select(i => new DeliveryRow(count - i + 1, "https://hooks.example.com/services/T000/B000/very-long-secret-path-" + i, $"Update {i}", 1,
            Start.AddMinutes(-i), i % 3 == 0 ? 500 : 200, i % 3 == 0 ? "HTTP 500" : null, Succeeded: i % 3 != 0, IsFinal: false, DurationMs: 40 + i))
        .ToList();

    private static BunitContext NewContext()
    {
        var ctx = MudTestContext.Create();
        ctx.Popovers();
        return ctx;
    }

    private static List<string> Updates(IRenderedComponent<WebhookDeliveryLog> log) =>
        log.FindAll("tbody tr").Select(row => row.QuerySelector("td[data-label='Update']")!.TextContent.Trim().Split('\n')[0].Trim()).ToList();

    [Fact]
    public async Task Fifty_attempts_show_ten_at_a_time_and_the_pager_moves_through_them()
    {
        await using var ctx = NewContext();
        var log = ctx.Render<WebhookDeliveryLog>(p => p.Add(l => l.Deliveries, Attempts(50)));

        Assert.Equal("Webhook delivery log", log.Find("table").GetAttribute("aria-label"));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"Update {i}"), Updates(log));
        Assert.Contains("1–10 of 50", log.Markup);

        log.Find("button[aria-label='Next page']").Click();
        log.WaitForAssertion(() => Assert.Equal(Enumerable.Range(11, 10).Select(i => $"Update {i}"), Updates(log)));
        Assert.Contains("11–20 of 50", log.Markup);
    }

    [Fact]
    public async Task A_short_log_has_no_pager_and_each_target_keeps_its_full_url_in_a_tooltip()
    {
        await using var ctx = NewContext();
        var attempts = Attempts(4);
        var log = ctx.Render<WebhookDeliveryLog>(p => p.Add(l => l.Deliveries, attempts));

        Assert.Equal(4, log.FindAll("tbody tr").Count);
        Assert.Empty(log.FindAll(".mud-table-pagination"));
        var targets = log.FindAll("td[data-label='Target'] .url");
        Assert.Equal(attempts.Select(a => a.Url), targets.Select(t => t.GetAttribute("title")));
        Assert.Equal(attempts.Select(a => a.Url), targets.Select(t => t.TextContent));
        Assert.Contains("Will retry: HTTP 500", log.Find("tbody tr:nth-child(3)").TextContent);
    }
}

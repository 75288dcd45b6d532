using System.Globalization;
using System.Text.RegularExpressions;
using IncidentPortal.Features.Time;
using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>
/// An agent in India chooses their zone on the profile and then reads SLA due times and the timeline in it; a status
/// page visitor in New York reads the public page's times in theirs, written by the browser in the portal's format.
/// </summary>
public sealed class TimeZoneTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    private static readonly TimeZoneInfo Kolkata = TimeZones.Find("Asia/Kolkata")!;
    private static readonly TimeZoneInfo NewYork = TimeZones.Find("America/New_York")!;

    [Fact]
    public Task An_agent_reads_SLA_due_times_and_the_timeline_in_the_zone_of_their_profile() => Run(async () =>
    {
        var dana = await SignedInPageAsync(DemoUsers.Dana, timeZone: "Asia/Kolkata");
        await ChooseZoneAsync(dana, "Asia/Kolkata");
        try
        {
            var id = await ReportP1Async();
            await dana.GotoInteractiveAsync($"/incidents/{id}");

            var timeline = dana.GetByRole(AriaRole.List, new() { Name = "Timeline" });
            var reported = timeline.Locator("time").Last;                       // newest first: the report is last
            await Expect(reported).ToHaveTextAsync(new Regex(@"^\w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d UTC\+5:30$"));
            var at = Utc(await reported.GetAttributeAsync("datetime"));
            await Expect(reported).ToHaveTextAsync(TimeText.Absolute(at, Kolkata));
            await Expect(reported).ToHaveAttributeAsync("title", TimeText.Utc(at));   // UTC on hover

            // P1 resolution: 4 h around the clock from the report, shown in Dana's zone.
            var resolution = dana.GetByRole(AriaRole.Article, new() { Name = "Resolution clock" });
            await Expect(resolution).ToContainTextAsync("4 h (P1)");
            var due = at.AddHours(4);
            await Expect(resolution).ToContainTextAsync(new Regex(
                $"Due\\s*({Regex.Escape(TimeText.Absolute(due, Kolkata))}|{Regex.Escape(TimeText.Absolute(due.AddMinutes(1), Kolkata))})"));
        }
        finally
        {
            await ChooseZoneAsync(dana, "UTC");                                 // the other tests read Dana in UTC
        }
    });

    [Fact]
    public Task The_status_page_shows_times_in_the_visitors_zone_with_UTC_on_hover_and_stays_cacheable() => Run(async () =>
    {
        var visitor = await NewPageAsync(timeZone: "America/New_York");
        var response = await visitor.GotoAsync("/status");
        Assert.NotNull(response);
        Assert.DoesNotContain("set-cookie", (await response.AllHeadersAsync()).Keys);
        Assert.Contains("public", (await response.AllHeadersAsync()).GetValueOrDefault("cache-control", ""));

        var updated = visitor.Locator("time[data-local]").First;
        await Expect(updated).ToHaveAttributeAsync("data-localized", "");
        var at = Utc(await updated.GetAttributeAsync("datetime"));
        await Expect(updated).ToHaveTextAsync(TimeText.Absolute(at, NewYork));   // the browser writes the server's format
        await Expect(updated).ToHaveAttributeAsync("title", TimeText.Utc(at));
        await Expect(visitor.GetByText("times in your time zone, UTC on hover")).ToBeVisibleAsync();
        Assert.Empty(await visitor.Context.CookiesAsync());
    });

    private static async Task ChooseZoneAsync(IPage page, string zone)
    {
        await page.GotoAsync("/Account/Manage/TimeZone");
        await page.GetByLabel("Your time zone").SelectOptionAsync(zone);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save time zone" }).ClickAsync();
        await Expect(page.GetByText($"Times are now shown in {zone}.")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Your time zone")).ToHaveValueAsync(zone);
    }

    private async Task<int> ReportP1Async()
    {
        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        await reporter.GotoInteractiveAsync("/incidents/new");
        await reporter.GetByLabel("What is wrong?").FillAsync($"Clock tower stopped {Guid.NewGuid().ToString("N")[..6]}");
        await reporter.ChooseAsync("Which service is affected?", "VPN");
        await reporter.GetByLabel("Many people, or customers").CheckAsync();
        await reporter.GetByLabel("I cannot work at all").CheckAsync();
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Report incident" }).ClickAsync();
        await reporter.WaitForURLAsync(new Regex(@"/incidents/\d+\?reported=true$"), ReportedNavigation);
        return int.Parse(Regex.Match(reporter.Url, @"/incidents/(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static DateTime Utc(string? iso) =>
        DateTime.Parse(iso ?? throw new InvalidOperationException("no datetime"), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}

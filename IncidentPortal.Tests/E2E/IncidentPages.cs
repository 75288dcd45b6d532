using System.Text.RegularExpressions;
using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>The incident pages as the tests drive them: by label, role and visible text.</summary>
public static class IncidentPages
{
    /// <summary>Files an incident through the report form; returns its id, read from the page it lands on.</summary>
    public static async Task<int> ReportIncidentAsync(this IPage page, string title)
    {
        await page.GotoInteractiveAsync("/incidents/new");
        await page.GetByLabel("What is wrong?").FillAsync(title);
        await page.ChooseAsync("Which service is affected?", "VPN");
        await page.GetByLabel("Only me").CheckAsync();
        await page.GetByLabel("It slows my work down").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Report incident" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/incidents/\d+\?reported=true$"), E2ETest.ReportedNavigation);
        await Expect(page.Heading(title)).ToBeVisibleAsync();
        return int.Parse(Regex.Match(page.Url, @"/incidents/(\d+)").Groups[1].Value);
    }

    public static ILocator Button(this IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>The status chip in the incident's header.</summary>
    public static ILocator StatusChip(this IPage page) => page.GetByLabel("Incident status", new() { Exact = true });

    /// <summary>The incident's reference (INC-…) in its header.</summary>
    public static ILocator IncidentReference(this IPage page) => page.GetByLabel("Incident reference", new() { Exact = true });

    public static ILocator Timeline(this IPage page) => page.GetByRole(AriaRole.List, new() { Name = "Timeline" });

    /// <summary>The live notice an incident page shows when someone else changes the incident.</summary>
    public static ILocator LiveNotice(this IPage page) => page.GetByRole(AriaRole.Status, new() { Name = "Live update", Exact = true });

    /// <summary>Sets the expected resolution in the workspace's ETA form (date and time pickers, typed in, UTC).</summary>
    public static async Task FillEtaAsync(this IPage page, DateTime utc)
    {
        await page.GetByLabel("Expected resolution date (UTC)").FillAsync(utc.ToString("yyyy-MM-dd"));
        await page.GetByLabel("Expected resolution time (UTC)").FillAsync(utc.ToString("HH:mm"));
    }

    public static async Task PostCommentAsync(this IPage page, string text, bool internalNote)
    {
        await page.GetByLabel(internalNote ? "Internal work note" : "Public reply").CheckAsync();
        await page.GetByLabel(internalNote ? "Work note" : "Comment", new() { Exact = true }).FillAsync(text);
        await page.Button(internalNote ? "Add work note" : "Post reply").ClickAsync();
        await Expect(page.Timeline()).ToContainTextAsync(text);
    }
}

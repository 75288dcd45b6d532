using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>
/// Defect 9: admin lists never cut a label ("System accoun", "Morgan Mana") — at desktop width with the side panel open
/// (which narrows the grid), at laptop width and on a phone. Every text in a grid cell ends inside its cell, and no
/// chip or cell hides part of its text.
/// </summary>
public sealed class AdminLabelTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    private const string CutLabels = """
        () => {
            const cut = [];
            for (const cell of document.querySelectorAll('.admin-grid td')) {
                const box = cell.getBoundingClientRect();
                const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    // Text for screen readers only is clipped on purpose.
                    if (!node.textContent.trim() || node.parentElement.closest('.visually-hidden')) continue;
                    const range = document.createRange();
                    range.selectNodeContents(node);
                    const text = range.getBoundingClientRect();
                    if (text.width > 0 && (text.right > box.right + 1 || text.left < box.left - 1)) cut.push(node.textContent.trim());
                }
                for (const el of cell.querySelectorAll('*')) {
                    const style = getComputedStyle(el);
                    if (style.display !== 'inline' && !el.closest('.visually-hidden') && el.textContent.trim() && el.scrollWidth > el.clientWidth + 1
                        && ['hidden', 'clip'].includes(style.overflowX)) cut.push(el.textContent.trim());
                }
            }
            return [...new Set(cut)];
        }
        """;

    [Theory]
    [InlineData(1366)]
    [InlineData(1024)]
    [InlineData(390)]
    public Task Admin_lists_never_cut_a_label(int width) => Run(async () =>
    {
        var admin = await SignedInPageAsync(DemoUsers.Admin);
        await admin.SetViewportSizeAsync(width, 900);

        await admin.GotoInteractiveAsync("/admin/users");
        await Expect(admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "Morgan Manager" })).ToBeVisibleAsync();
        Assert.Empty(await admin.EvaluateAsync<string[]>(CutLabels));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Edit Morgan Manager", Exact = true }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Region, new() { Name = "Edit Morgan Manager", Exact = true })).ToBeVisibleAsync();
        Assert.Empty(await admin.EvaluateAsync<string[]>(CutLabels));

        await admin.GotoInteractiveAsync("/admin/teams");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Members of Service Desk", Exact = true }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.List, new() { Name = "Members of Service Desk" })).ToBeVisibleAsync();
        Assert.Empty(await admin.EvaluateAsync<string[]>(CutLabels));
    });
}

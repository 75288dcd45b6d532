using Bunit;
using IncidentPortal.Features.Shortcuts;
using IncidentPortal.Tests.Components.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IncidentPortal.Tests.Components.Shortcuts;

/// <summary>The shortcut component: ? opens the sheet, r and n reach the page's comment box through the hub.</summary>
public sealed class KeyboardShortcutsTests
{
    private static BunitContext Context()
    {
        var ctx = MudTestContext.Create();
        ctx.Services.AddScoped<ShortcutHub>();
        return ctx.Interactive();
    }

    [Fact]
    public async Task Question_mark_opens_the_sheet_listing_every_key_once()
    {
        await using var ctx = Context();
        var dialogs = ctx.Render<MudDialogProvider>();
        var shortcuts = ctx.Render<KeyboardShortcuts>();

        await shortcuts.InvokeAsync(() => { _ = shortcuts.Instance.OnShortcut("sheet"); });
        dialogs.WaitForAssertion(() => Assert.Contains("Keyboard shortcuts", dialogs.Markup));
        foreach (var where in new[] { "Everywhere", "Queue", "Incident", "Writing" })
            Assert.NotNull(dialogs.Find($"dl[aria-label='{where} shortcuts']"));
        var keys = dialogs.FindAll("kbd").Select(k => k.TextContent).ToList();
        Assert.Equivalent(new[] { "?", "/", "Esc", "j", "k", "Enter", "a", "r", "n", "e", "Ctrl", "Enter", "@" }, keys);
        Assert.Contains("Assign the incident to me", dialogs.Markup);

        // Pressing ? again while it is open does not stack a second sheet.
        await shortcuts.InvokeAsync(() => { _ = shortcuts.Instance.OnShortcut("sheet"); });
        Assert.Single(dialogs.FindAll(".mud-dialog"));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Close").Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")));
    }

    [Fact]
    public async Task Reply_and_note_keys_reach_whoever_listens_and_nothing_breaks_when_nobody_does()
    {
        await using var ctx = Context();
        var shortcuts = ctx.Render<KeyboardShortcuts>();
        var hub = ctx.Services.GetRequiredService<ShortcutHub>();
        Assert.False(await hub.RaiseAsync(ShortcutCommand.Reply));

        var heard = new List<ShortcutCommand>();
        hub.Invoked += c => { heard.Add(c); return Task.CompletedTask; };
        await shortcuts.InvokeAsync(() => shortcuts.Instance.OnShortcut("note"));
        await shortcuts.InvokeAsync(() => shortcuts.Instance.OnShortcut("reply"));
        await shortcuts.InvokeAsync(() => shortcuts.Instance.OnShortcut("no-such-key"));

        Assert.Equal([ShortcutCommand.WorkNote, ShortcutCommand.Reply], heard);
    }
}

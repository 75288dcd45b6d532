using Bunit;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Incidents.Pages;
using IncidentPortal.Tests.Components.Support;
using IncidentPortal.Tests.Features.Incidents.Queue;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace IncidentPortal.Tests.Components.Incidents;

/// <summary>The queue's bulk bar and its change dialog, over a real queue: what the dialog asks, what it refuses, and
/// that each selected incident is changed as if by hand, with the ones its rules refuse listed with why.</summary>
public sealed class QueueBulkChangeTests : IAsyncLifetime
{
    private readonly QueueWorld world = new();

    public Task InitializeAsync() => world.InitializeAsync();

    public Task DisposeAsync() => world.DisposeAsync();

    [Fact]
    public async Task Change_priority_refuses_to_apply_without_a_priority_and_a_reason_then_overrides_every_selected_row()
    {
        await using var ctx = QueueServices.ContextFor(world);
        var popovers = ctx.Popovers();
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = RenderQueue(ctx);
        Tick(cut, "dns");
        Tick(cut, "cert");
        cut.WaitForAssertion(() => Assert.Contains("2 selected", Bar(cut).TextContent));

        Button(cut, "Change priority").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Change the priority", dialogs.Find("[role=dialog]").TextContent));
        Assert.Contains("the 2 selected incidents", dialogs.Find("[role=dialog]").TextContent);
        Button(dialogs, "Apply to the 2 selected incidents").Click();

        dialogs.WaitForAssertion(() =>
        {
            Assert.Contains("Choose a priority.", dialogs.Markup);
            Assert.Contains("Give a reason for overriding the priority.", dialogs.Markup);
        });
        Assert.Equal((Priority.P3, Priority.P3), await PrioritiesAsync("dns", "cert")); // nothing changed

        popovers.Choose(dialogs, "Priority", "P1");
        dialogs.FieldLabelled("Reason").Change("Payroll run tonight depends on both");
        Button(dialogs, "Apply to the 2 selected incidents").Click();

        cut.WaitForAssertion(() => Assert.Contains("Changed the priority of 2 incidents.", cut.Find("[role=status].mud-alert").TextContent));
        Assert.Empty(dialogs.FindAll("[role=dialog]"));
        Assert.Equal((Priority.P1, Priority.P1), await PrioritiesAsync("dns", "cert"));
        Assert.Empty(cut.FindAll("[role=region][aria-label='Selected incidents']"));
    }

    [Fact]
    public async Task Cancel_in_the_dialog_changes_nothing_and_keeps_the_selection()
    {
        await using var ctx = QueueServices.ContextFor(world);
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = RenderQueue(ctx);
        Tick(cut, "dns");

        Button(cut, "Add work note").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Add a work note", dialogs.Find("[role=dialog]").TextContent));
        dialogs.FieldLabelled("Work note").Change("Checked the resolver");
        Button(dialogs, "Cancel").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[role=dialog]")));
        Assert.Contains("1 selected", Bar(cut).TextContent);
        await using var db = await world.Db.CreateDbContextAsync();
        Assert.False(await db.IncidentActivities.AnyAsync(a => a.IncidentId == world.Ids["dns"] && a.Text == "Checked the resolver"));
    }

    [Fact]
    public async Task Resolving_in_bulk_changes_those_its_rules_allow_and_lists_each_refused_one_with_the_reason()
    {
        // Someone else changes one of the rows after the agent ticked it: that one is refused as stale, as by hand.
        await using var ctx = QueueServices.ContextFor(world);
        var popovers = ctx.Popovers();
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = RenderQueue(ctx);
        Tick(cut, "dns");
        Tick(cut, "backup");

        Button(cut, "Change status").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Change the status", dialogs.Find("[role=dialog]").TextContent));
        popovers.Choose(dialogs, "New status", "Resolved");
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("textarea")));
        popovers.Choose(dialogs, "Resolution code", "Fixed");
        dialogs.FieldLabelled("Resolution notes").Change("Flushed the resolver cache");
        // Resolved behind the agent's back meanwhile (the page would reload; the dialog is already open).
        await world.Incidents.ChangeAsync(world.Colleague, world.Ids["backup"], null,
            new ResolveIncident(ResolutionCode.Workaround, "Vendor patch", null));
        Button(dialogs, "Apply to the 2 selected incidents").Click();

        // Told as an error (role alert), so a screen reader hears it at once.
        cut.WaitForAssertion(() => Assert.Contains("Changed the status of 1 of 2 incidents; 1 could not be changed.",
            cut.Find("[role=alert].mud-alert").TextContent));
        var refused = cut.Find("ul[aria-label='Not changed']").TextContent;
        Assert.Contains(Incident.FormatReference(world.Numbers["backup"]) + ": Someone else changed it since you selected it", refused);
        Assert.DoesNotContain(Reference("dns"), refused);
        await using var db = await world.Db.CreateDbContextAsync();
        var dns = await db.Incidents.SingleAsync(i => i.Id == world.Ids["dns"]);
        Assert.Equal(IncidentStatus.Resolved, dns.Status);
        var backup = await db.Incidents.SingleAsync(i => i.Id == world.Ids["backup"]);
        Assert.Equal("Vendor patch", backup.ResolutionNotes);  // the colleague's resolution stands
    }

    private IRenderedComponent<Queue> RenderQueue(BunitContext ctx)
    {
        var cut = ctx.Render<Queue>(p => p.AddCascadingValue(MudTestContext.SignedIn(world.Me)));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll($"input[aria-label='Select {Reference("dns")}']")));
        return cut;
    }

    private void Tick(IRenderedComponent<Queue> cut, string key) => cut.Find($"input[aria-label='Select {Reference(key)}']").Click();

    private static AngleSharp.Dom.IElement Bar(IRenderedComponent<Queue> cut) => cut.Find("[role=region][aria-label='Selected incidents']");

    private static AngleSharp.Dom.IElement Button<T>(IRenderedComponent<T> cut, string name) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.FindAll("button").Single(b => b.TextContent.Trim() == name);

    private async Task<(Priority, Priority)> PrioritiesAsync(string first, string second)
    {
        await using var db = await world.Db.CreateDbContextAsync();
        var rows = await db.Incidents.Where(i => i.Id == world.Ids[first] || i.Id == world.Ids[second]).ToDictionaryAsync(i => i.Id, i => i.Priority);
        return (rows[world.Ids[first]], rows[world.Ids[second]]);
    }

    private string Reference(string key) => Incident.FormatReference(world.Numbers[key]);
}

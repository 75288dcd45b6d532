using Bunit;
using IncidentPortal.Features.Escalation;
using IncidentPortal.Features.Incidents.Pages;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.MajorIncidents;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Infrastructure;
using IncidentPortal.Tests.Components.Support;
using IncidentPortal.Tests.Features.Incidents.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using Severity = IncidentPortal.Features.MajorIncidents.Severity;

namespace IncidentPortal.Tests.Components.Incidents;

/// <summary>Row selection in the queue and its bulk action "Link to major incident", over a real queue.</summary>
public sealed class QueueSelectionTests : IAsyncLifetime
{
    private readonly QueueWorld world = new();

    public Task InitializeAsync() => world.InitializeAsync();

    public Task DisposeAsync() => world.DisposeAsync();

    [Fact]
    public void Shift_click_takes_the_range_from_the_last_click_and_a_reload_keeps_only_rows_still_shown()
    {
        var selection = new QueueSelection();
        selection.ShowRows([1, 2, 3, 4, 5]);

        selection.Toggle(2);
        selection.Toggle(4, range: true);
        Assert.Equal([2, 3, 4], selection.Ids);
        selection.Toggle(3, range: true); // unticks from 4 back to 3
        Assert.Equal([2], selection.Ids);
        selection.ToggleAllOnPage();
        Assert.True(selection.AllOnPage);
        selection.ShowRows([5, 6]);
        Assert.Equal([5], selection.Ids);
        Assert.True(selection.SomeOnPage);
        selection.ToggleAllOnPage();
        Assert.Equal([5, 6], selection.Ids);
        selection.ToggleAllOnPage();
        Assert.False(selection.Any);
    }

    [Fact]
    public async Task Ticking_rows_shows_the_action_bar_select_all_ticks_the_page_and_Clear_unticks_every_box()
    {
        await using var ctx = Context();
        var cut = ctx.Render<Queue>(p => p.AddCascadingValue(MudTestContext.SignedIn(world.Me)));
        var dns = Reference("dns");
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll($"input[aria-label='Select {dns}']")));
        Assert.Empty(cut.FindAll("[role=region][aria-label='Selected incidents']"));

        cut.Find($"input[aria-label='Select {dns}']").Click();

        cut.WaitForAssertion(() => Assert.Contains("1 selected", cut.Find("[role=region][aria-label='Selected incidents']").TextContent));
        cut.Find("input[aria-label='Select all on this page']").Click();
        var boxes = RowBoxes(cut);
        Assert.True(boxes.Count > 2);
        cut.WaitForAssertion(() => Assert.All(RowBoxes(cut), b => Assert.True(b.HasAttribute("checked"))));
        Assert.Contains($"{boxes.Count} selected", cut.Find("[role=region][aria-label='Selected incidents']").TextContent);

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Clear selection").Click();

        cut.WaitForAssertion(() => Assert.All(RowBoxes(cut), b => Assert.False(b.HasAttribute("checked"))));
        Assert.Empty(cut.FindAll("[role=region][aria-label='Selected incidents']"));
    }

    [Fact]
    public async Task Link_to_major_incident_links_every_selected_row_in_one_action_and_says_so()
    {
        var majorId = await DeclareAsync("vpn");
        await using var ctx = Context();
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = ctx.Render<Queue>(p => p.AddCascadingValue(MudTestContext.SignedIn(world.Me)));
        var dns = Reference("dns");
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll($"input[aria-label='Select {dns}']")));
        var other = cut.FindAll("input[aria-label^='Select INC-']").Select(b => b.GetAttribute("aria-label")!)
            .First(l => l != $"Select {dns}" && l != $"Select {Reference("vpn")}");
        cut.Find($"input[aria-label='Select {dns}']").Click();
        cut.Find($"input[aria-label='{other}']").Click();

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Link to major incident").Click();
        dialogs.WaitForAssertion(() => Assert.Contains(Reference("vpn"), dialogs.Find("[role=dialog]").TextContent));
        // The only running major incident is chosen already.
        dialogs.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Link").Click();

        cut.WaitForAssertion(() => Assert.Contains($"Linked 2 incidents to the major incident {Reference("vpn")}.", cut.Find("[role=status].mud-alert").TextContent));
        await using var db = await world.Db.CreateDbContextAsync();
        var children = await db.Set<LinkedIncident>().Where(l => l.MajorIncidentId == majorId).Select(l => l.IncidentId).ToListAsync();
        Assert.Equal(2, children.Count);
        Assert.Contains(world.Ids["dns"], children);
        Assert.Empty(cut.FindAll("[role=region][aria-label='Selected incidents']"));
    }

    private BunitContext Context() =>
        QueueServices.ContextFor(world, services =>
            services.AddSingleton(Majors()));

    private MajorIncidentService Majors()
    {
        var notifier = new Notifier(world.Db, world.Events, world.Clock, Options.Create(new PortalOptions()));
        var escalation = new EscalationService(world.Db, world.Incidents, new EscalationWriter(notifier, world.Clock));
        return new MajorIncidentService(world.Db, world.Events, world.Clock, world.Incidents, notifier, escalation);
    }

    private async Task<int> DeclareAsync(string key)
    {
        await using var db = await world.Db.CreateDbContextAsync();
        var now = world.Clock.GetUtcNow().UtcDateTime;
        var me = new ResponseActor(world.Me.UserId, world.Me.Name, now);
        var major = MajorIncident.Declare(world.Ids[key], me, Severity.Sev1, me, "Everyone is offline");
        db.MajorIncidents.Add(major);
        await db.SaveChangesAsync();
        return major.Id;
    }

    private string Reference(string key) => Incident.FormatReference(world.Numbers[key]);

    private static List<AngleSharp.Dom.IElement> RowBoxes(IRenderedComponent<Queue> cut) =>
        cut.FindAll("tbody input[type=checkbox]").ToList();
}

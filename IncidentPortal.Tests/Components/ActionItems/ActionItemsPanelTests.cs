using Bunit;
using IncidentPortal.Features.ActionItems;
using IncidentPortal.Features.ActionItems.Pages;
using IncidentPortal.Tests.Components.Support;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IncidentPortal.Tests.Components.ActionItems;

/// <summary>An incident's action items on the real service: added through the editor dialog, status changed in place.</summary>
public sealed class ActionItemsPanelTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    [Fact]
    public async Task An_item_is_added_through_the_dialog_and_its_status_changes_in_place()
    {
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var incident = await host.ReportAsync(await host.ActorAsync(DemoEmails.Reporter), $"Action items panel {Guid.NewGuid():N}");
        await using var ctx = PortalComponents.Create(host, manager);
        var popovers = ctx.Render<MudPopoverProvider>();
        var dialogs = ctx.Render<MudDialogProvider>();
        var panel = ctx.Render<ActionItemsPanel>(p => p.Add(c => c.IncidentId, incident.Id));
        Assert.Contains("No action items yet.", panel.Markup);

        panel.FindAll("button").Single(b => b.TextContent.Trim() == "Add action item").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Add an action item", dialogs.Find("[role=dialog]").TextContent));

        // Nothing chosen: each field says what it needs, and nothing is added.
        dialogs.Find("form").Submit();
        dialogs.WaitForAssertion(() => Assert.Contains("The title is required.", dialogs.Markup));
        Assert.Contains("Choose the owner.", dialogs.Markup);
        Assert.Empty(await ItemsAsync(manager, incident.Id));

        dialogs.FieldLabelled("Action").Input("Alert on certificate expiry");
        popovers.Choose(dialogs, "Team", "Service Desk");
        popovers.Choose(dialogs, "Owner", "Alex Agent");
        popovers.Choose(dialogs, "Type", "Detect");
        dialogs.Find("form").Submit();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[role=dialog]")));
        var item = Assert.Single(await ItemsAsync(manager, incident.Id));
        Assert.Equal(("Alert on certificate expiry", "Alex Agent", ActionItemType.Detect), (item.Title, item.Owner, item.Type));
        panel.WaitForAssertion(() => Assert.Contains("Alex Agent", panel.Find("ul[aria-label='Action items'] li[aria-label='Alert on certificate expiry']").TextContent));
        Assert.Equal("Open", panel.Chosen("Status of Alert on certificate expiry"));

        popovers.Choose(panel, "Status of Alert on certificate expiry", "In progress");
        panel.WaitForAssertion(() => Assert.Equal("In progress", panel.Chosen("Status of Alert on certificate expiry")));
        Assert.Equal(ActionItemStatus.InProgress, Assert.Single(await ItemsAsync(manager, incident.Id)).Status);
    }

    private Task<IReadOnlyList<ActionItemRow>> ItemsAsync(IncidentPortal.Features.Accounts.Actor actor, int incidentId) =>
        host.Services.GetRequiredService<ActionItemService>().ForIncidentAsync(actor, incidentId);
}

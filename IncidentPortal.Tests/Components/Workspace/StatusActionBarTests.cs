using Bunit;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Incidents.Pages.Workspace;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using static IncidentPortal.Tests.Components.Workspace.WorkspaceFixtures;

namespace IncidentPortal.Tests.Components.Workspace;

/// <summary>The status buttons: a move that needs something asks for it in a dialog, and the command carries what was given.</summary>
public sealed class StatusActionBarTests
{
    [Fact]
    public async Task Resolve_asks_for_a_code_and_notes_and_the_command_carries_them()
    {
        await using var ctx = Context();
        var ran = new List<IncidentCommand>();
        var dialogs = ctx.Render<MudDialogProvider>();
        var popovers = ctx.Render<MudPopoverProvider>();
        var bar = Bar(ctx, IncidentStatus.InProgress, ran);

        bar.FindAll("button").Single(b => b.TextContent.Trim() == "Resolve").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Resolution notes", dialogs.Markup));

        // Nothing chosen: both fields say what is missing, and nothing runs.
        dialogs.Find("form").Submit();
        dialogs.WaitForAssertion(() => Assert.Contains("Resolution notes are required.", dialogs.Markup));
        Assert.Contains("Choose a resolution code.", dialogs.Markup);
        Assert.Empty(ran);

        var code = dialogs.FindComponent<MudSelect<ResolutionCode?>>();
        await dialogs.InvokeAsync(() => code.Instance.SelectOption((ResolutionCode?)ResolutionCode.Fixed));
        dialogs.FindComponents<MudTextField<string>>().First(f => f.Instance.Label == "Resolution notes").Find("textarea").Input("Reset the gateway.");
        dialogs.Find("form").Submit();

        dialogs.WaitForAssertion(() => Assert.Single(ran));
        var resolve = Assert.IsType<ResolveIncident>(ran[0]);
        Assert.Equal(ResolutionCode.Fixed, resolve.Code);
        Assert.Equal("Reset the gateway.", resolve.Notes);
        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Resolution notes", dialogs.Markup));
        Assert.Null(bar.Instance.Draft);
        _ = popovers;
    }

    [Fact]
    public async Task Put_on_hold_asks_what_the_incident_waits_for_and_the_command_carries_it()
    {
        await using var ctx = Context();
        var ran = new List<IncidentCommand>();
        var dialogs = ctx.Render<MudDialogProvider>();
        var bar = Bar(ctx, IncidentStatus.InProgress, ran);

        bar.FindAll("button").Single(b => b.TextContent.Trim() == "Put on hold").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Waiting for", dialogs.Markup));
        Assert.Equal(StatusAction.PutOnHold, bar.Instance.Draft?.Action); // the dialog's form is the persistent draft
        Submit(dialogs, "Put on hold");
        dialogs.WaitForAssertion(() => Assert.Contains("Choose what the incident is waiting for.", dialogs.Markup));
        Assert.Empty(ran);

        var vendor = dialogs.FindComponents<MudRadio<OnHoldReason?>>().Single(r => r.Markup.Contains(IncidentText.Label(OnHoldReason.AwaitingVendor)));
        vendor.Find("input").Click();
        Submit(dialogs, "Put on hold");

        dialogs.WaitForAssertion(() => Assert.Equal(new PutOnHold(OnHoldReason.AwaitingVendor), Assert.Single(ran)));
    }

    [Fact]
    public async Task A_refused_move_is_shown_in_the_dialog_with_the_text_still_there()
    {
        await using var ctx = Context();
        var dialogs = ctx.Render<MudDialogProvider>();
        var bar = ctx.Render<StatusActionBar>(p => p
            .Add(b => b.Incident, Incident(IncidentStatus.InProgress, Agent.UserId))
            .Add(b => b.Actor, Agent).Add(b => b.Choices, Choices())
            .Add(b => b.Run, _ => throw new IncidentRuleException("Not now.")));

        bar.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel incident").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Reason for cancelling", dialogs.Markup));
        dialogs.Find("textarea").Input("Duplicate of INC-000006");
        Submit(dialogs, "Cancel incident");

        dialogs.WaitForAssertion(() => Assert.Contains("Not now.", dialogs.Find("[role=alert]").TextContent));
        Assert.Equal("Duplicate of INC-000006", dialogs.Find("textarea").GetAttribute("value") ?? dialogs.Find("textarea").TextContent);
    }

    [Fact]
    public async Task Moves_that_need_nothing_run_at_once_and_only_legal_moves_are_offered()
    {
        await using var ctx = Context();
        var ran = new List<IncidentCommand>();
        ctx.Render<MudDialogProvider>();
        var bar = Bar(ctx, IncidentStatus.Resolved, ran);

        var labels = bar.FindAll("button").Select(b => b.TextContent.Trim()).ToList();
        Assert.Equal(["Close incident", "Reopen"], labels);
        bar.FindAll("button").Single(b => b.TextContent.Trim() == "Close incident").Click();

        bar.WaitForAssertion(() => Assert.IsType<CloseIncident>(Assert.Single(ran)));
    }

    private static IRenderedComponent<StatusActionBar> Bar(BunitContext ctx, IncidentStatus status, List<IncidentCommand> ran) =>
        ctx.Render<StatusActionBar>(p => p
            .Add(b => b.Incident, Incident(status, Agent.UserId))
            .Add(b => b.Actor, Agent)
            .Add(b => b.Choices, Choices())
            .Add(b => b.Run, command => { ran.Add(command); return Task.CompletedTask; }));

    /// <summary>Submits the dialog's form, after checking its submit button says <paramref name="label"/>.</summary>
    private static void Submit(IRenderedComponent<MudDialogProvider> dialogs, string label)
    {
        Assert.Contains(dialogs.FindAll("button[type=submit]"), b => b.TextContent.Trim() == label);
        dialogs.Find("form").Submit();
    }
}

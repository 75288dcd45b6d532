using IncidentPortal.Tests.Components.Support;
using Bunit;
using IncidentPortal.Features.Admin;
using IncidentPortal.Features.Escalation;
using IncidentPortal.Features.Escalation.Pages;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Tests.Components.Admin;

namespace IncidentPortal.Tests.Components.Escalation;

public class EscalationPolicyEditorTests
{
    private static readonly PolicyChoices Choices = new(
        People: [new Choice<string>("alex", "Alex Agent"), new Choice<string>("sam", "Sam Security")],
        Teams: [new Choice<int>(1, "Network")]);

    [Fact]
    public async Task Steps_added_moved_and_removed_are_saved_in_their_new_order()
    {
        await using var ctx = MudTestContext.Create();
        PolicyInput? saved = null;
        var cut = ctx.Render<EscalationPolicyEditor>(p => p
            .Add(x => x.Choices, Choices)
            .Add(x => x.OnSave, (PolicyInput input) => saved = input));

        cut.Field("Name").Input("Night paging");
        cut.CheckBox("Alex Agent", Step(cut, 1)).Change(true);
        cut.Button("Add step").Click();
        cut.CheckBox("Team Network", Step(cut, 2)).Change(true);
        Field(cut, 2, "Wait before the next step").Input("30");
        cut.Button("Add step").Click();
        cut.CheckBox("Sam Security", Step(cut, 3)).Change(true);

        cut.Button("Move step 2 up").Click();
        cut.Button("Remove step 3").Click();
        cut.Field("Repeat the steps (times)").Input("2");
        cut.Find("form").Submit();

        // MudNumericField hands its typed value over asynchronously: wait for the save rather than assume it.
        cut.WaitForAssertion(() => Assert.NotNull(saved));
        Assert.Equal("Night paging", saved!.Name);
        Assert.Equal(2, saved.RepeatCount);
        Assert.Collection(saved.Steps,
            first => { Assert.Equal([1], first.TeamIds); Assert.Empty(first.UserIds); Assert.Equal(30 * 60, first.WaitSeconds); },
            second => { Assert.Equal(["alex"], second.UserIds); Assert.Equal(5 * 60, second.WaitSeconds); });
    }

    [Fact]
    public async Task A_step_without_anyone_to_notify_shows_the_refusal_as_an_alert_in_that_step()
    {
        await using var ctx = MudTestContext.Create();
        var cut = ctx.Render<EscalationPolicyEditor>(p => p
            .Add(x => x.Choices, Choices)
            .Add(x => x.Result, AdminResult.Invalid(EscalationPolicyAdminService.TargetsField(0), "Step 1: choose at least one person or team to notify.")));

        var alert = Step(cut, 1).QuerySelector("[role=alert]");
        Assert.NotNull(alert);
        Assert.Equal("Step 1: choose at least one person or team to notify.", alert.TextContent.Trim());
        Assert.Equal("Create policy", cut.Find("button[type=submit]").TextContent.Trim());
        Assert.True(cut.Button("Move step 1 up").HasAttribute("disabled"));
    }

    private static AngleSharp.Dom.IElement Step(IRenderedComponent<EscalationPolicyEditor> cut, int number) =>
        cut.FindAll("fieldset").Single(f => f.QuerySelector("legend")?.TextContent.Trim() == $"Step {number}");

    private static AngleSharp.Dom.IElement Field(IRenderedComponent<EscalationPolicyEditor> cut, int step, string label)
    {
        var labelElement = Step(cut, step).QuerySelectorAll("label[for]").Single(l => l.TextContent.Trim() == label);
        return cut.Find($"[id='{labelElement.GetAttribute("for")}']");
    }
}

using IncidentPortal.Tests.Components.Support;
using Bunit;
using IncidentPortal.Features.Admin;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Routing;
using IncidentPortal.Features.Routing.Pages;
using IncidentPortal.Tests.Components.Admin;

namespace IncidentPortal.Tests.Components.Routing;

public class RoutingRuleEditorTests
{
    private static readonly RoutingChoices Choices = new(
        Teams: [new(1, "Network"), new(2, "Security")],
        Services: [new(10, "VPN"), new(11, "Email")],
        Categories: [new(20, "Network", [new Choice<int>(21, "Wi-Fi")])]);

    [Fact]
    public async Task The_conditions_ticked_and_typed_are_what_the_editor_saves()
    {
        await using var ctx = MudTestContext.Create();
        RoutingRuleInput? saved = null;
        var cut = ctx.Render<RoutingRuleEditor>(p => p
            .Add(x => x.Choices, Choices)
            .Add(x => x.OnSave, (RoutingRuleInput input) => saved = input));

        Assert.Equal("New routing rule", cut.Find("h2").TextContent.Trim());
        cut.Field("Name").Input("Wireless trouble");
        cut.CheckBox("Network › Wi-Fi").Change(true);
        cut.CheckBox("VPN").Change(true);
        cut.CheckBox("P2").Change(true);
        cut.Field("Keywords in the title or description").Input("wifi, wlan");
        cut.Find("form").Submit();

        Assert.NotNull(saved);
        Assert.Equal("Wireless trouble", saved.Name);
        Assert.True(saved.IsEnabled);
        Assert.Null(saved.TeamId);
        Assert.Null(saved.RaisePriorityTo);
        Assert.Equal([21], saved.CategoryIds);
        Assert.Equal([10], saved.ServiceIds);
        Assert.Equal([Priority.P2], saved.Priorities);
        Assert.Equal("wifi, wlan", saved.Keywords);
    }

    [Fact]
    public async Task A_refused_rule_marks_the_team_field_invalid_with_the_message_as_its_description()
    {
        await using var ctx = MudTestContext.Create();
        var cut = ctx.Render<RoutingRuleEditor>(p => p
            .Add(x => x.Choices, Choices)
            .Add(x => x.Result, AdminResult.Invalid(RoutingAdminService.TeamField, "Choose the team that matching incidents go to.")));

        var team = cut.Field("Route to team");
        Assert.Equal("true", team.GetAttribute("aria-invalid"));
        Assert.Contains("Choose the team that matching incidents go to.", cut.Description(team));
        Assert.NotEqual("true", cut.Field("Name").GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task A_refusal_about_the_whole_rule_is_an_alert_in_the_panel()
    {
        await using var ctx = MudTestContext.Create();
        var cut = ctx.Render<RoutingRuleEditor>(p => p
            .Add(x => x.Choices, Choices)
            .Add(x => x.Result, AdminResult.Refused("Another admin deleted this rule.")));

        Assert.Contains("Another admin deleted this rule.", cut.Find("[role=alert]").TextContent);
    }
}

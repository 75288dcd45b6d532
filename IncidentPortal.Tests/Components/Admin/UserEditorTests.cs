using IncidentPortal.Tests.Components.Support;
using Bunit;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Admin.Users;

namespace IncidentPortal.Tests.Components.Admin;

public class UserEditorTests
{
    private static readonly UserSummary Dana = new("u1", "Dana Doe", "dana@test.local", [Roles.Reporter, Roles.Agent],
        [1], ["Service Desk"], IsLockedOut: false, IsSystem: false);

    private static readonly TeamOption[] Teams = [new(1, "Service Desk"), new(2, "Network"), new(3, "Security")];

    [Fact]
    public async Task Roles_and_teams_ticked_in_the_editor_are_the_values_it_saves()
    {
        await using var ctx = MudTestContext.Create();
        UserEditor.Changes? saved = null;
        var cut = ctx.Render<UserEditor>(p => p
            .Add(x => x.User, Dana)
            .Add(x => x.Teams, Teams)
            .Add(x => x.OnSave, (UserEditor.Changes c) => saved = c));

        Assert.Equal("Edit Dana Doe", cut.Find("h2").TextContent);
        Assert.True(Box(cut, "Reporter (everyone)").HasAttribute("disabled"));
        Assert.True(Box(cut, "Agent").HasAttribute("checked"));

        Box(cut, "Admin").Change(true);
        Box(cut, "Agent").Change(false);
        Box(cut, "Network").Change(true);
        Box(cut, "Service Desk").Change(false);
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Save").Click();

        Assert.NotNull(saved);
        Assert.Equal([Roles.Admin], saved.Roles);
        Assert.Equal([2], saved.TeamIds);
    }

    [Fact]
    public async Task A_refusal_from_the_service_is_shown_as_an_alert_in_the_panel()
    {
        await using var ctx = MudTestContext.Create();
        var cut = ctx.Render<UserEditor>(p => p
            .Add(x => x.User, Dana)
            .Add(x => x.Teams, Teams)
            .Add(x => x.Error, "You cannot take the Admin role from yourself."));

        Assert.True(cut.FindAll("[role=alert]").Count == 1, cut.Markup);
        var alert = cut.Find("[role=alert]");
        Assert.Contains("You cannot take the Admin role from yourself.", alert.TextContent);
        Assert.Contains("mud-alert", alert.ClassName ?? "");
    }

    private static AngleSharp.Dom.IElement Box(IRenderedComponent<UserEditor> cut, string label) =>
        cut.FindAll("label").Single(l => l.TextContent.Trim() == label).QuerySelector("input[type=checkbox]")!;
}

using IncidentPortal.Tests.Components.Support;
using Bunit;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Admin;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Sla;
using IncidentPortal.Features.Sla.Pages;
using IncidentPortal.Tests.Components.Admin;
using IncidentPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Components.Sla;

/// <summary>
/// The policy editor checks the durations it can read before asking the service: a target it cannot read is named at its
/// row and nothing is sent. The service here has a database without tables, so any save attempt would fail the test.
/// </summary>
public class SlaPolicyEditorTests
{
    private static readonly Actor Admin = new("admin", "Ada Admin", IsAgent: true, IsIncidentManager: true, IsAdmin: true);

    private static readonly SlaPolicyRow Standard = new(1, "Standard", null, null, 75, [],
        [.. Enum.GetValues<Priority>().Select(p => new SlaTargetRow(p, 30, 480, 1, "24×7"))], Version: 1);

    [Fact]
    public async Task A_target_that_is_not_a_duration_is_refused_at_its_row_and_nothing_is_saved()
    {
        await using var database = new TestDatabase();
        await using var ctx = MudTestContext.Create();
        ctx.Services.AddSingleton(new SlaAdminService(database.Factory, TimeProvider.System));
        var saved = 0;
        var cut = ctx.Render<SlaPolicyEditor>(p => p
            .Add(x => x.Policy, Standard)
            .Add(x => x.Calendars, [new SlaChoice(1, "24×7")])
            .Add(x => x.Services, [])
            .Add(x => x.Actor, Admin)
            .Add(x => x.Saved, () => saved++));

        Assert.Equal("30m", cut.Field("P1 response").GetAttribute("value"));
        cut.Field("P2 resolution").Input("tomorrow-ish");
        cut.Find("form").Submit();

        var alert = Assert.Single(cut.FindAll("[role=alert]"));
        Assert.Equal("P2: write durations like 30m, 4h or 1h 30m.", alert.TextContent.Trim());
        Assert.Equal("true", cut.Field("P2 resolution").GetAttribute("aria-invalid"));
        Assert.NotEqual("true", cut.Field("P1 resolution").GetAttribute("aria-invalid"));
        Assert.Equal(0, saved);
    }

    [Fact]
    public async Task An_untouched_policy_shows_no_alert_and_the_default_policy_offers_no_delete()
    {
        await using var database = new TestDatabase();
        await using var ctx = MudTestContext.Create();
        ctx.Services.AddSingleton(new SlaAdminService(database.Factory, TimeProvider.System));
        var cut = ctx.Render<SlaPolicyEditor>(p => p
            .Add(x => x.Policy, Standard)
            .Add(x => x.Calendars, [new SlaChoice(1, "24×7")])
            .Add(x => x.Services, [])
            .Add(x => x.Actor, Admin));

        Assert.Empty(cut.FindAll("[role=alert]"));
        Assert.Equal("Save Standard", cut.Find("button[type=submit]").GetAttribute("aria-label"));
        Assert.DoesNotContain(cut.FindAll("button"), b => b.GetAttribute("aria-label") == "Delete Standard");
    }
}

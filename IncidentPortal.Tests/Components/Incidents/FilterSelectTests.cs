using Bunit;
using IncidentPortal.Features.Incidents.Pages;
using IncidentPortal.Tests.Components.Support;
using MudBlazor;

namespace IncidentPortal.Tests.Components.Incidents;

/// <summary>
/// A filter drop-down is MudSelect's closed markup until it is opened, then a real MudSelect; after a choice it is the
/// light closed box again, showing the new choice.
/// </summary>
public sealed class FilterSelectTests
{
    private static readonly List<(string, string)> Choices = [("", "Any status"), ("New", "New"), ("OnHold", "On hold")];

    [Fact]
    public async Task Closed_it_holds_no_MudSelect_and_reads_as_a_named_combobox_with_the_current_choice()
    {
        await using var ctx = MudTestContext.Create();
        var cut = ctx.Render<FilterSelect>(p => p.Add(x => x.Label, "Status").Add(x => x.Value, "OnHold").Add(x => x.Options, Choices));

        Assert.Empty(cut.FindComponents<MudSelect<string>>());
        Assert.Empty(cut.FindComponents<MudSelectItem<string>>());
        var box = cut.Find("[role=combobox]");
        Assert.Equal("Status", box.GetAttribute("aria-label"));
        Assert.Equal("On hold", box.GetAttribute("value"));
        Assert.Equal("Status", cut.Find($"label[for='{box.Id}']").TextContent.Trim());
    }

    [Fact]
    public async Task Opening_it_by_keyboard_shows_every_choice()
    {
        await using var ctx = MudTestContext.Create();
        var popovers = ctx.Popovers();
        var cut = ctx.Render<FilterSelect>(p => p.Add(x => x.Label, "Status").Add(x => x.Value, "").Add(x => x.Options, Choices));

        cut.Find("[role=combobox]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "ArrowDown" });

        popovers.WaitForAssertion(() => Assert.Equal(["Any status", "New", "On hold"],
            popovers.FindAll(".mud-popover-open [role=option]").Select(o => o.TextContent.Trim())));
        Assert.Single(cut.FindComponents<MudSelect<string>>());
    }

    [Fact]
    public async Task Choosing_hands_up_the_value_and_folds_back_to_the_light_box()
    {
        await using var ctx = MudTestContext.Create();
        var popovers = ctx.Popovers();
        var chosen = new List<string>();
        IRenderedComponent<FilterSelect>? cut = null;
        cut = ctx.Render<FilterSelect>(p => p.Add(x => x.Label, "Status").Add(x => x.Value, "").Add(x => x.Options, Choices)
            .Add(x => x.ValueChanged, v => { chosen.Add(v); cut!.Render(q => q.Add(x => x.Value, v)); }));

        popovers.Choose(cut, "Status", "On hold");

        Assert.Equal(["OnHold"], chosen);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindComponents<MudSelect<string>>()));
        Assert.Equal("On hold", cut.Find("[role=combobox]").GetAttribute("value"));
    }
}

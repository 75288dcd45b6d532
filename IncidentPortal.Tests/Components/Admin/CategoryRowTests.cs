using IncidentPortal.Tests.Components.Support;
using Bunit;
using IncidentPortal.Features.Admin;
using IncidentPortal.Features.Catalog;
using IncidentPortal.Features.Catalog.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace IncidentPortal.Tests.Components.Admin;

/// <summary>The category table's rows: adding a subcategory inline, and renaming, with the service's refusal at the field.</summary>
public class CategoryRowTests
{
    private static readonly CategoryRow Network = new(1, "Network", null, IsActive: true, IncidentCount: 4);
    private static readonly CategoryRow Vpn = new(2, "VPN", 1, IsActive: true, IncidentCount: 1);

    private readonly List<string> calls = [];
    private AdminResult nextResult = AdminResult.Done(7);

    private CategoryActions Actions => new(
        Rename: (row, name) => { calls.Add($"rename {row.Id} to {name}"); return Task.FromResult(nextResult); },
        AddSubcategory: (parent, name) => { calls.Add($"add {name} under {parent.Id}"); return Task.FromResult(nextResult); },
        SetActive: (row, active) => { calls.Add($"active {row.Id} {active}"); return Task.CompletedTask; },
        Delete: row => { calls.Add($"delete {row.Id}"); return Task.CompletedTask; });

    [Fact]
    public async Task The_add_row_opens_a_named_field_and_adds_the_typed_subcategory()
    {
        await using var ctx = MudTestContext.Create();
        var cut = ctx.Render<TableBody>(p => p.Add(x => x.Row, b => InBody<CategoryAddRow>(b, c =>
        {
            c.AddAttribute(1, nameof(CategoryAddRow.Parent), Network);
            c.AddAttribute(2, nameof(CategoryAddRow.Actions), Actions);
        })));

        Button(cut, "Add subcategory to Network").Click();
        Assert.Equal("New subcategory of Network", cut.Find("label.mud-input-label").TextContent.Trim());
        cut.Find("input").Input("Wi-Fi");
        cut.Find("form").Submit();

        Assert.Equal(["add Wi-Fi under 1"], calls);
        Assert.Empty(cut.FindAll("input"));
        Assert.NotNull(Button(cut, "Add subcategory to Network"));
    }

    [Fact]
    public async Task A_refused_subcategory_keeps_the_field_open_with_the_message_under_it()
    {
        await using var ctx = MudTestContext.Create();
        nextResult = AdminResult.Invalid(CategoryAdminService.NameField, "There is already a category called \"VPN\" under Network.");
        var cut = ctx.Render<TableBody>(p => p.Add(x => x.Row, b => InBody<CategoryAddRow>(b, c =>
        {
            c.AddAttribute(1, nameof(CategoryAddRow.Parent), Network);
            c.AddAttribute(2, nameof(CategoryAddRow.Actions), Actions);
        })));

        Button(cut, "Add subcategory to Network").Click();
        cut.Find("input").Input("vpn");
        cut.Find("form").Submit();

        var input = cut.Find("input");
        Assert.Equal("vpn", input.GetAttribute("value"));
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Contains("There is already a category called \"VPN\" under Network.", cut.Markup);
    }

    [Fact]
    public async Task Renaming_a_subcategory_names_its_buttons_after_the_parent_and_saves_the_new_name()
    {
        await using var ctx = MudTestContext.Create();
        var cut = ctx.Render<TableBody>(p => p.Add(x => x.Row, b => InBody<CategoryRowView>(b, c =>
        {
            c.AddAttribute(1, nameof(CategoryRowView.Row), Vpn);
            c.AddAttribute(2, nameof(CategoryRowView.ParentName), "Network");
            c.AddAttribute(3, nameof(CategoryRowView.Actions), Actions);
        })));

        Assert.NotNull(Button(cut, "Delete Network › VPN"));
        Button(cut, "Rename Network › VPN").Click();
        var input = cut.Find("input");
        Assert.Equal("VPN", input.GetAttribute("value"));
        input.Input("Remote access");
        cut.Find("form").Submit();

        Assert.Equal(["rename 2 to Remote access"], calls);
        Assert.Empty(cut.FindAll("input"));

        Button(cut, "Deactivate Network › VPN").Click();
        Assert.Equal("active 2 False", calls[^1]);
    }

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<TableBody> cut, string name) =>
        cut.FindAll("button").Single(b => (b.GetAttribute("aria-label") ?? b.TextContent.Trim()) == name);

    private static void InBody<T>(RenderTreeBuilder builder, Action<RenderTreeBuilder> attributes) where T : IComponent
    {
        builder.OpenComponent<T>(0);
        attributes(builder);
        builder.CloseComponent();
    }

    /// <summary>A table to render a row component in, as the categories page does.</summary>
    public sealed class TableBody : ComponentBase
    {
        [Parameter] public RenderFragment? Row { get; set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "table");
            builder.OpenElement(1, "tbody");
            builder.AddContent(2, Row);
            builder.CloseElement();
            builder.CloseElement();
        }
    }
}

using IncidentPortal.Tests.Components.Support;
using Bunit;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Incidents.Pages;
using IncidentPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Components.Incidents;

/// <summary>The priority matrix editor over a real database: change a cell from its menu, see it marked, save or discard.</summary>
public sealed class PriorityMatrixEditorTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private Actor admin = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        var user = await database.AddUserAsync("ada");
        admin = new Actor(user.Id, "Ada", IsAgent: true, IsIncidentManager: true, IsAdmin: true);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private PriorityMatrixService Matrices => new(database.Factory);

    private (BunitContext Ctx, IRenderedComponent<MudBlazor.MudPopoverProvider> Popovers, IRenderedComponent<PriorityMatrixPage> Cut) Render()
    {
        var ctx = MudTestContext.Create();
        ctx.Services.AddSingleton(Matrices);
        var popovers = ctx.Popovers();
        var cut = ctx.Render<PriorityMatrixPage>(p => p.AddCascadingValue(MudTestContext.SignedIn(admin)));
        cut.WaitForAssertion(() => Assert.Equal(9, Cells(cut).Count));
        return (ctx, popovers, cut);
    }

    [Fact]
    public async Task It_shows_the_saved_matrix_cell_by_cell()
    {
        var (ctx, _, cut) = Render();
        await using var scope = ctx;

        // The ITIL default: high impact and high urgency is P1, low and low is P5.
        Assert.StartsWith("P1", Cell(cut, "high", "high").GetAttribute("aria-label"));
        Assert.StartsWith("P5", Cell(cut, "low", "low").GetAttribute("aria-label"));
        Assert.Contains("P1 · Critical", Cell(cut, "high", "high").TextContent);
        Assert.Contains("This is the ITIL default matrix.", cut.Markup);
        Assert.True(SaveButton(cut).HasAttribute("disabled"));
    }

    [Fact]
    public async Task Changing_a_cell_marks_it_and_Save_stores_the_matrix()
    {
        var (ctx, popovers, cut) = Render();
        await using var scope = ctx;

        Choose(cut, popovers, "low", "high", "P2");

        cut.WaitForAssertion(() => Assert.StartsWith("P2", Cell(cut, "low", "high").GetAttribute("aria-label")));
        Assert.Contains("changed", Cell(cut, "low", "high").Closest("td")!.ClassList);
        Assert.Contains("Unsaved changes (outlined cells).", cut.Markup);
        SaveButton(cut).Click();

        cut.WaitForAssertion(() => Assert.Contains("This matrix differs from the ITIL default.", cut.Markup));
        var saved = await Matrices.CurrentAsync();
        Assert.Equal(Priority.P2, saved.Cells.Single(c => c.Impact == Impact.Low && c.Urgency == Urgency.High).Priority);
        Assert.DoesNotContain("changed", Cell(cut, "low", "high").Closest("td")!.ClassList);
    }

    [Fact]
    public async Task Discard_changes_puts_the_saved_matrix_back_and_stores_nothing()
    {
        var (ctx, popovers, cut) = Render();
        await using var scope = ctx;

        Choose(cut, popovers, "medium", "medium", "P1");
        cut.WaitForAssertion(() => Assert.StartsWith("P1", Cell(cut, "medium", "medium").GetAttribute("aria-label")));
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Discard changes").Click();

        Assert.StartsWith("P3", Cell(cut, "medium", "medium").GetAttribute("aria-label"));
        Assert.True(SaveButton(cut).HasAttribute("disabled"));
        Assert.True((await Matrices.CurrentAsync()).Cells.All(c => c.Priority == PriorityMatrix.ItilDefault.Cells
            .Single(d => d.Impact == c.Impact && d.Urgency == c.Urgency).Priority));
    }

    private static void Choose(IRenderedComponent<PriorityMatrixPage> cut, IRenderedComponent<MudBlazor.MudPopoverProvider> popovers,
        string impact, string urgency, string priority)
    {
        Cell(cut, impact, urgency).Click();
        popovers.WaitForAssertion(() => Assert.Contains(popovers.FindAll("[role=menuitemradio]"), i => i.TextContent.Trim().StartsWith(priority + " ")));
        popovers.FindAll("[role=menuitemradio]").First(i => i.TextContent.Trim().StartsWith(priority + " ")).Click();
    }

    private static List<AngleSharp.Dom.IElement> Cells(IRenderedComponent<PriorityMatrixPage> cut) =>
        cut.FindAll("button[aria-label*=': priority for ']").ToList();

    private static AngleSharp.Dom.IElement Cell(IRenderedComponent<PriorityMatrixPage> cut, string impact, string urgency) =>
        Cells(cut).Single(b => b.GetAttribute("aria-label")!.EndsWith($": priority for {impact} impact and {urgency} urgency", StringComparison.Ordinal));

    private static AngleSharp.Dom.IElement SaveButton(IRenderedComponent<PriorityMatrixPage> cut) =>
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Save matrix");
}

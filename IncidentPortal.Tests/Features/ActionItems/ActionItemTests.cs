using IncidentPortal.Features.ActionItems;

namespace IncidentPortal.Tests.Features.ActionItems;

/// <summary>The action item's own rules: what it accepts, overdue, and its status moves.</summary>
public sealed class ActionItemTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 15, 30, 0, DateTimeKind.Utc);
    private static readonly ActionItemTeam Database = new(3, "Database", ["dana", "sam"]);

    private static ActionItemInput Input(string title = "Add replica lag alert", string? owner = "dana", DateTime? due = null) =>
        new(title, Database.Id, owner, due ?? Now.Date.AddDays(7), ActionItemPriority.High, ActionItemType.Detect);

    [Fact]
    public void A_new_item_is_open_trimmed_and_due_on_a_UTC_day()
    {
        var item = ActionItem.Create(9, 4, Input("  Add replica lag alert  ", due: Now.AddDays(7)), Database, "im", Now);

        Assert.Equal(("Add replica lag alert", ActionItemStatus.Open, "dana", 3), (item.Title, item.Status, item.OwnerId, item.TeamId));
        Assert.Equal((9, (int?)4), (item.IncidentId, item.ReviewId));
        Assert.Equal(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), item.DueDate);
        Assert.Equal(DateTimeKind.Utc, item.DueDate!.Value.Kind);
    }

    [Theory]
    [InlineData("", "dana", 1, "Title")]
    [InlineData("Fix it", null, 1, "OwnerId")]
    [InlineData("Fix it", "alex", 1, "OwnerId")]
    [InlineData("Fix it", "dana", -1, "DueDate")]
    public void Bad_input_is_refused_naming_the_field(string title, string? owner, int dueInDays, string field)
    {
        var error = Assert.Throws<ActionItemRuleException>(() => ActionItem.Create(1, null, Input(title, owner, Now.Date.AddDays(dueInDays)), Database, "im", Now));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void A_team_other_than_the_chosen_one_is_refused()
    {
        var error = Assert.Throws<ActionItemRuleException>(() => ActionItem.Create(1, null, Input() with { TeamId = 99 }, Database, "im", Now));
        Assert.Equal("TeamId", error.Field);
    }

    [Fact]
    public void Overdue_starts_the_day_after_the_due_date_and_ends_when_the_item_is_finished()
    {
        var due = Now.Date;
        Assert.False(ActionItem.IsOverdue(ActionItemStatus.Open, due, Now));
        Assert.True(ActionItem.IsOverdue(ActionItemStatus.InProgress, due, Now.Date.AddDays(1)));
        Assert.False(ActionItem.IsOverdue(ActionItemStatus.Done, due, Now.Date.AddDays(5)));
        Assert.False(ActionItem.IsOverdue(ActionItemStatus.Open, null, Now.AddYears(1)));
    }

    [Fact]
    public void Status_moves_record_completion_and_a_finished_item_must_be_reopened_before_editing()
    {
        var item = ActionItem.Create(1, null, Input(), Database, "im", Now);
        var version = item.Version;

        item.MoveTo(ActionItemStatus.Done, Now.AddHours(1));
        Assert.Equal((Now.AddHours(1), version + 1), (item.CompletedAt!.Value, item.Version));
        Assert.Throws<ActionItemRuleException>(() => item.MoveTo(ActionItemStatus.Done, Now));
        Assert.Throws<ActionItemRuleException>(() => item.Edit(Input("Other"), Database, Now));

        item.MoveTo(ActionItemStatus.Open, Now.AddHours(2));
        Assert.Null(item.CompletedAt);
        item.Edit(Input("Other"), Database, Now.AddHours(2));
        Assert.Equal("Other", item.Title);
    }

    [Fact]
    public void An_unchanged_past_due_date_may_be_kept_when_editing()
    {
        var item = ActionItem.Create(1, null, Input(due: Now.Date), Database, "im", Now);
        var later = Now.AddDays(3);
        item.Edit(Input("Renamed", due: Now.Date), Database, later);
        Assert.Equal("Renamed", item.Title);
        Assert.Throws<ActionItemRuleException>(() => item.Edit(Input("Renamed", due: Now.Date.AddDays(1)), Database, later));
    }

    [Fact]
    public void An_item_spawns_at_most_one_problem()
    {
        var item = ActionItem.Create(1, null, Input(), Database, "im", Now);
        item.SpawnedProblem(5, Now);
        Assert.Equal(5, item.ProblemId);
        Assert.Throws<ActionItemRuleException>(() => item.SpawnedProblem(6, Now));
    }
}

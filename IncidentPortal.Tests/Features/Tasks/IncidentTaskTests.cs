using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Tasks;

namespace IncidentPortal.Tests.Features.Tasks;

/// <summary>The task's own rules, without a database.</summary>
public sealed class IncidentTaskTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
    private static readonly ChangeContext By = new("agent-1", Now, ActorIsAgent: true);
    private static readonly TaskTeam Network = new(2, "Network", ["agent-1", "agent-2"]);

    private static TaskInput Input(string title = "Replace the core switch", string? owner = "agent-2", DateTime? due = null, int? team = 2) =>
        new(title, "  Rack B  ", team, owner, due);

    private static IncidentTask NewTask(DateTime? due = null) => IncidentTask.Create(7, Input(due: due ?? Now.AddHours(4)), Network, By);

    [Fact]
    public void A_new_task_is_open_trimmed_owned_and_stamped()
    {
        var task = IncidentTask.Create(7, Input("  Replace the core switch  ", due: Now.AddHours(4)), Network, By);

        Assert.Equal((7, "Replace the core switch", "Rack B"), (task.IncidentId, task.Title, task.Description));
        Assert.Equal((IncidentTaskStatus.Open, 2, "agent-2"), (task.Status, task.TeamId, task.OwnerId));
        Assert.Equal((Now, Now, "agent-1", 1), (task.CreatedAt, task.UpdatedAt, task.CreatedById, task.Version));
        Assert.Null(task.CompletedAt);
        Assert.True(task.IsOpen);
    }

    [Theory]
    [InlineData("", "The title is required.")]
    [InlineData("   ", "The title is required.")]
    public void The_title_is_required(string title, string message)
    {
        var error = Assert.Throws<TaskRuleException>(() => IncidentTask.Create(7, Input(title), Network, By));
        Assert.Equal((message, "Title"), (error.Message, error.Field));
    }

    [Fact]
    public void The_title_is_at_most_200_characters()
    {
        Assert.Equal(200, IncidentTask.Create(7, Input(new string('x', 200)), Network, By).Title.Length);
        var error = Assert.Throws<TaskRuleException>(() => IncidentTask.Create(7, Input(new string('x', 201)), Network, By));
        Assert.Equal("Title", error.Field);
    }

    [Fact]
    public void The_owner_must_be_a_member_of_the_team_and_the_team_is_required()
    {
        var stranger = Assert.Throws<TaskRuleException>(() => IncidentTask.Create(7, Input(owner: "dana"), Network, By));
        Assert.Equal(("The owner must be a member of Network.", "OwnerId"), (stranger.Message, stranger.Field));
        var noTeam = Assert.Throws<TaskRuleException>(() => IncidentTask.Create(7, Input(team: null), null, By));
        Assert.Equal("TeamId", noTeam.Field);
        // A team that is not the one asked for (deleted meanwhile, say) is no team at all.
        Assert.Throws<TaskRuleException>(() => IncidentTask.Create(7, Input(team: 3), Network, By));
        Assert.Null(IncidentTask.Create(7, Input(owner: ""), Network, By).OwnerId);
    }

    [Fact]
    public void A_due_time_is_optional_but_never_set_in_the_past()
    {
        Assert.Null(IncidentTask.Create(7, Input(due: null), Network, By).DueAt);
        var error = Assert.Throws<TaskRuleException>(() => IncidentTask.Create(7, Input(due: Now.AddMinutes(-1)), Network, By));
        Assert.Equal(("The due time cannot be in the past.", "DueAt"), (error.Message, error.Field));
    }

    [Fact]
    public void An_overdue_task_can_still_be_edited_without_moving_its_due_time_but_not_given_a_new_past_one()
    {
        var task = NewTask(due: Now.AddHours(1));
        var later = By with { At = Now.AddHours(3) };

        task.Edit(Input("Replace both switches", due: Now.AddHours(1)), Network, later);
        Assert.Equal("Replace both switches", task.Title);
        Assert.Throws<TaskRuleException>(() => task.Edit(Input(due: Now.AddHours(2)), Network, later));
        Assert.Equal(Now.AddHours(1), task.DueAt);
    }

    [Fact]
    public void Completing_records_when_and_the_note_and_reopening_clears_them()
    {
        var task = NewTask();
        var later = By with { At = Now.AddHours(2) };

        task.MoveTo(IncidentTaskStatus.InProgress, null, By);
        task.Complete(later, "  Swapped, links up  ");
        Assert.Equal((IncidentTaskStatus.Done, "Swapped, links up", later.At), (task.Status, task.CompletionNote, task.CompletedAt));
        Assert.False(task.IsOpen);
        Assert.Equal(3, task.Version);

        task.MoveTo(IncidentTaskStatus.Open, null, later);
        Assert.Equal(IncidentTaskStatus.Open, task.Status);
        Assert.Null(task.CompletionNote);
        Assert.Null(task.CompletedAt);
    }

    [Fact]
    public void A_finished_task_cannot_be_edited_or_started_and_no_move_is_a_no_op()
    {
        var task = NewTask();
        task.Cancel(By, null);

        Assert.Throws<TaskRuleException>(() => task.Edit(Input("Something else"), Network, By));
        Assert.Throws<TaskRuleException>(() => task.MoveTo(IncidentTaskStatus.InProgress, null, By));
        Assert.Throws<TaskRuleException>(() => task.Cancel(By, null));
        Assert.Equal("Replace the core switch", task.Title);
    }

    [Fact]
    public void The_completion_note_is_at_most_1000_characters()
    {
        var task = NewTask();
        var error = Assert.Throws<TaskRuleException>(() => task.Complete(By, new string('n', 1001)));
        Assert.Equal("CompletionNote", error.Field);
        Assert.True(task.IsOpen);
    }

    [Fact]
    public void Differs_ignores_surrounding_spaces_and_an_empty_owner()
    {
        var task = NewTask(due: Now.AddHours(4));
        Assert.False(task.Differs(new TaskInput(" Replace the core switch ", "Rack B ", 2, "agent-2", Now.AddHours(4))));
        Assert.True(task.Differs(new TaskInput("Replace the core switch", "Rack B", 2, "", Now.AddHours(4))));
        Assert.True(task.Differs(new TaskInput("Replace the core switch", "Rack B", 2, "agent-2", null)));
    }

    [Fact]
    public void Only_an_open_task_past_its_due_time_is_overdue()
    {
        Assert.True(IncidentTask.IsOverdue(IncidentTaskStatus.InProgress, Now.AddMinutes(-1), Now));
        Assert.False(IncidentTask.IsOverdue(IncidentTaskStatus.Open, Now.AddMinutes(1), Now));
        Assert.False(IncidentTask.IsOverdue(IncidentTaskStatus.Done, Now.AddDays(-1), Now));
        Assert.False(IncidentTask.IsOverdue(IncidentTaskStatus.Open, null, Now));
    }
}

using IncidentPortal.Features.Admin;
using Microsoft.AspNetCore.Components;

namespace IncidentPortal.Features.Escalation.Pages;

public partial class EscalationPolicyEditor
{
    [Parameter] public PolicyRow? Policy { get; set; }
    [Parameter, EditorRequired] public PolicyChoices Choices { get; set; } = default!;
    [Parameter] public AdminResult? Result { get; set; }
    [Parameter] public EventCallback<PolicyInput> OnSave { get; set; }
    [Parameter] public EventCallback OnCancel { get; set; }

    private string name = "";
    private string description = "";
    private int repeat;
    private OffHoursRule offHours = OffHoursRule.P1Anytime;
    private List<StepDraft> steps = [];

    /// <summary>A step being edited: its wait kept as amount + unit, as typed.</summary>
    private sealed class StepDraft
    {
        public HashSet<string> Users { get; init; } = [];
        public HashSet<int> Teams { get; init; } = [];
        public int Amount { get; set; } = 5;
        public int UnitSeconds { get; set; } = 60;
    }

    protected override void OnInitialized()
    {
        if (Policy is null)
        {
            steps = [new StepDraft()];
            return;
        }
        name = Policy.Name;
        description = Policy.Description;
        repeat = Policy.RepeatCount;
        offHours = Policy.OffHours;
        steps = Policy.Steps.Select(s =>
        {
            var (amount, unit) = EscalationWait.Split(s.WaitSeconds);
            return new StepDraft { Users = s.UserIds.ToHashSet(), Teams = s.TeamIds.ToHashSet(), Amount = amount, UnitSeconds = unit };
        }).ToList();
    }

    private string? ErrorOf(string field) => Result?.ErrorFor(field);

    private static void Toggle<T>(HashSet<T> set, T value, bool on)
    {
        if (on) set.Add(value); else set.Remove(value);
    }

    private void AddStep() => steps.Add(new StepDraft());

    private void Move(int index, int by)
    {
        var target = index + by;
        if (target < 0 || target >= steps.Count) return;
        (steps[index], steps[target]) = (steps[target], steps[index]);
    }

    private Task Submit() => OnSave.InvokeAsync(new PolicyInput(name, description, repeat, offHours,
        steps.Select(s => new StepInput((int)Math.Clamp((long)s.Amount * s.UnitSeconds, 0, int.MaxValue), s.Users.ToList(), s.Teams.ToList())).ToList()));
}

using IncidentPortal.Features.Escalation;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace IncidentPortal.Tests.Features.Escalation;

/// <summary>The run's rules: step order, waits, repeats, acknowledgement and business-hours deferral.</summary>
public sealed class EscalationRunTests
{
    private readonly FakeTimeProvider clock = new(TestClock.MondayMorning);
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static EscalationPolicy Policy(int repeats, params int[] waitMinutes)
    {
        var policy = new EscalationPolicy { Id = 7, Name = "On call", RepeatCount = repeats };
        for (var i = 0; i < waitMinutes.Length; i++)
            policy.Steps.Add(new EscalationStep { Id = 100 + i, Position = i, WaitSeconds = waitMinutes[i] * 60 });
        return policy;
    }

    [Fact]
    public void Steps_fire_in_order_each_after_the_previous_steps_wait_and_the_run_ends_after_the_last_wait()
    {
        var policy = Policy(0, 5, 10);
        var run = EscalationRun.Start(1, policy.Id, "P1 reported", null, Now);

        var first = Assert.IsType<RunStep.Notify>(run.Fire(policy, Now, null));
        Assert.Equal((100, 0, 2, 0, 1), (first.Step.Id, first.Index, first.StepCount, first.Round, first.Rounds));
        Assert.Equal(Now.AddMinutes(5), first.NextAt);
        Assert.IsType<RunStep.NotDue>(run.Fire(policy, Now, null));

        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.IsType<RunStep.NotDue>(run.Fire(policy, Now, null));
        clock.Advance(TimeSpan.FromMinutes(1));
        var second = Assert.IsType<RunStep.Notify>(run.Fire(policy, Now, null));
        Assert.Equal(101, second.Step.Id);
        Assert.Equal(Now.AddMinutes(10), run.NextFireAt);

        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.IsType<RunStep.Exhausted>(run.Fire(policy, Now, null));
        Assert.False(run.IsActive);
        Assert.Equal(RunOutcome.Exhausted, run.Outcome);
        Assert.Null(run.NextFireAt);
        Assert.IsType<RunStep.NotDue>(run.Fire(policy, Now.AddDays(1), null));
    }

    [Fact]
    public void A_policy_repeated_twice_runs_its_steps_three_times_then_stops()
    {
        var policy = Policy(2, 1, 1);
        var run = EscalationRun.Start(1, policy.Id, "manual", "u1", Now);
        var fired = new List<(int Step, int Round)>();
        for (var minute = 0; minute < 20; minute++)
        {
            if (run.Fire(policy, Now, null) is RunStep.Notify notify) fired.Add((notify.Step.Id, notify.Round));
            clock.Advance(TimeSpan.FromMinutes(1));
        }
        Assert.Equal([(100, 0), (101, 0), (100, 1), (101, 1), (100, 2), (101, 2)], fired);
        Assert.Equal(RunOutcome.Exhausted, run.Outcome);
    }

    [Fact]
    public void Acknowledging_stops_the_run_and_a_second_acknowledgement_is_refused()
    {
        var policy = Policy(3, 5, 5);
        var run = EscalationRun.Start(1, policy.Id, "manual", "u1", Now);
        Assert.IsType<RunStep.Notify>(run.Fire(policy, Now, null));
        clock.Advance(TimeSpan.FromMinutes(2));
        run.Acknowledge("agent-a", Now);

        Assert.Equal((RunOutcome.Acknowledged, "agent-a", Now), (run.Outcome!.Value, run.AcknowledgedById!, run.AcknowledgedAt!.Value));
        Assert.Null(run.NextFireAt);
        Assert.IsType<RunStep.NotDue>(run.Fire(policy, Now.AddHours(1), null));
        var refused = Assert.Throws<EscalationRuleException>(() => run.Acknowledge("agent-b", Now));
        Assert.Equal("This escalation has already stopped.", refused.Message);
    }

    [Fact]
    public void A_step_due_while_the_team_is_closed_waits_for_the_opening_without_notifying_then_fires()
    {
        var policy = Policy(0, 5, 5);
        var run = EscalationRun.Start(1, policy.Id, "manual", null, Now);
        var opens = Now.AddHours(9);

        var deferred = Assert.IsType<RunStep.Deferred>(run.Fire(policy, Now, opens));
        Assert.Equal((0, opens), (deferred.Index, deferred.Until));
        Assert.Equal(opens, run.NextFireAt);
        Assert.Null(run.LastNotifiedAt);

        clock.Advance(TimeSpan.FromHours(9));
        var notify = Assert.IsType<RunStep.Notify>(run.Fire(policy, Now, null));
        Assert.Equal(100, notify.Step.Id);
    }

    [Theory]
    [InlineData(OffHoursRule.P1Anytime, Priority.P1, true)]
    [InlineData(OffHoursRule.P1Anytime, Priority.P2, false)]
    [InlineData(OffHoursRule.P1AndP2Anytime, Priority.P2, true)]
    [InlineData(OffHoursRule.P1AndP2Anytime, Priority.P3, false)]
    [InlineData(OffHoursRule.NotifyAnytime, Priority.P5, true)]
    [InlineData(OffHoursRule.WaitForBusinessHours, Priority.P1, false)]
    public void The_off_hours_rule_decides_which_priorities_page_at_night(OffHoursRule rule, Priority priority, bool notifies) =>
        Assert.Equal(notifies, EscalationPolicy.NotifiesOffHours(rule, priority));

    [Fact]
    public void Every_move_bumps_the_version_so_a_second_instance_holding_the_old_row_cannot_commit_the_same_step()
    {
        var policy = Policy(0, 5);
        var run = EscalationRun.Start(1, policy.Id, "manual", null, Now);
        var before = run.Version;
        run.Fire(policy, Now, null);
        Assert.Equal(before + 1, run.Version);
        run.Stop(Now);
        Assert.Equal(before + 2, run.Version);
        Assert.Equal(RunOutcome.Stopped, run.Outcome);
    }

    [Fact]
    public void A_run_needs_a_reason()
    {
        Assert.Throws<EscalationRuleException>(() => EscalationRun.Start(1, 1, "  ", null, Now));
    }
}

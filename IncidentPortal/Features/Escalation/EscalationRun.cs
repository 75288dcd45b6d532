namespace IncidentPortal.Features.Escalation;

public enum RunOutcome { Acknowledged, Exhausted, Stopped }

/// <summary>
/// One incident paged by one policy: where it stands (step, round), when it acts next, how it ended. Kept in the
/// database so the worker survives restarts, and guarded by <see cref="Version"/> so that when several app instances
/// race for the same due step, exactly one commits it.
/// </summary>
public class EscalationRun
{
    public const int MaxReasonLength = 200;

    public int Id { get; private set; }
    public int IncidentId { get; private set; }
    public int PolicyId { get; private set; }
    public string Reason { get; private set; } = "";
    public string? StartedById { get; private set; }
    public DateTime StartedAt { get; private set; }
    /// <summary>The next step to fire (0-based); equal to the step count once all have fired and the last wait runs.</summary>
    public int StepIndex { get; private set; }
    /// <summary>0 for the first pass through the steps, 1 for the first repeat, ...</summary>
    public int Round { get; private set; }
    /// <summary>When the worker acts next; null once finished.</summary>
    public DateTime? NextFireAt { get; private set; }
    public DateTime? LastNotifiedAt { get; private set; }
    public string? AcknowledgedById { get; private set; }
    public DateTime? AcknowledgedAt { get; private set; }
    public DateTime? FinishedAt { get; private set; }
    public RunOutcome? Outcome { get; private set; }
    public int Version { get; private set; }

    public bool IsActive => FinishedAt is null;

    private EscalationRun() { }

    /// <summary>A run whose first step is due at once: the worker fires it on its next tick.</summary>
    public static EscalationRun Start(int incidentId, int policyId, string reason, string? startedById, DateTime now)
    {
        reason = (reason ?? "").Trim();
        if (reason.Length == 0) throw new EscalationRuleException("Say why the policy is started.");
        if (reason.Length > MaxReasonLength) reason = reason[..MaxReasonLength];
        return new EscalationRun
        {
            IncidentId = incidentId, PolicyId = policyId, Reason = reason, StartedById = startedById,
            StartedAt = now, NextFireAt = now, Version = 1,
        };
    }

    /// <summary>
    /// Moves the run on if it is due. <paramref name="deferUntil"/> is when the step may notify if it may not now
    /// (business hours), else null. Returns what the caller must do (notify, record) in the same unit of work.
    /// </summary>
    public RunStep Fire(EscalationPolicy policy, DateTime now, DateTime? deferUntil)
    {
        if (!IsActive || NextFireAt > now) return new RunStep.NotDue();
        Version++;
        var steps = policy.Steps.OrderBy(s => s.Position).ToList();
        if (StepIndex >= steps.Count)
        {
            if (Round >= policy.RepeatCount)
            {
                Finish(now, RunOutcome.Exhausted);
                return new RunStep.Exhausted(Round + 1);
            }
            (Round, StepIndex) = (Round + 1, 0);
        }
        if (deferUntil is { } until && until > now)
        {
            NextFireAt = until;
            return new RunStep.Deferred(StepIndex, steps.Count, until);
        }
        var step = steps[StepIndex];
        StepIndex++;
        LastNotifiedAt = now;
        NextFireAt = now + step.Wait;
        return new RunStep.Notify(step, StepIndex - 1, steps.Count, Round, policy.RepeatCount + 1, NextFireAt.Value);
    }

    /// <summary>Someone has it: the policy stops paging.</summary>
    public void Acknowledge(string userId, DateTime now)
    {
        if (!IsActive) throw new EscalationRuleException("This escalation has already stopped.");
        AcknowledgedById = userId;
        AcknowledgedAt = now;
        Version++;
        Finish(now, RunOutcome.Acknowledged);
    }

    /// <summary>The incident no longer needs paging (resolved, cancelled) or someone stopped the policy by hand.</summary>
    public void Stop(DateTime now)
    {
        if (!IsActive) return;
        Version++;
        Finish(now, RunOutcome.Stopped);
    }

    private void Finish(DateTime now, RunOutcome outcome)
    {
        FinishedAt = now;
        Outcome = outcome;
        NextFireAt = null;
    }
}

/// <summary>What a due run asks its caller to do.</summary>
public abstract record RunStep
{
    public sealed record NotDue : RunStep;
    /// <param name="Index">0-based step.</param>
    /// <param name="Round">0-based round; <paramref name="Rounds"/> is the total, repeats included.</param>
    public sealed record Notify(EscalationStep Step, int Index, int StepCount, int Round, int Rounds, DateTime NextAt) : RunStep;
    public sealed record Deferred(int Index, int StepCount, DateTime Until) : RunStep;
    public sealed record Exhausted(int Rounds) : RunStep;
}

/// <summary>A rule of escalation refused the request; the message is for the user.</summary>
public sealed class EscalationRuleException(string message) : Exception(message);

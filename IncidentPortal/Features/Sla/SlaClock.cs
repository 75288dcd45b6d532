using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Features.Sla;

/// <summary>
/// The stored result of <see cref="SlaClockCalculator"/> for one clock of one incident: rewritten in the same unit of
/// work as every incident change (<see cref="SlaClockHook"/>), so it never drifts from the history. What the calculator
/// cannot know is stored here too: whether the warning and the breach have been announced (<see cref="WarnedAt"/>,
/// <see cref="BreachedAt"/>), claimed by exactly one <see cref="SlaWatcher"/> through the <see cref="Version"/> token.
/// </summary>
public class SlaClock
{
    public long Id { get; private set; }
    public int IncidentId { get; private set; }
    public SlaClockKind Kind { get; private set; }
    public int? PolicyId { get; private set; }
    public Priority Priority { get; private set; }
    public int TargetMinutes { get; private set; }
    public SlaClockState State { get; private set; }
    public OnHoldReason? PausedFor { get; private set; }
    public DateTime? DueAt { get; private set; }
    public DateTime? WarnAt { get; private set; }
    public DateTime? StoppedAt { get; private set; }
    /// <summary>Business time counted when last computed, in whole seconds; final once the clock stopped (reports' business MTTA/MTTR).
    /// Null for clocks computed before it was stored.</summary>
    public int? ElapsedSeconds { get; private set; }
    /// <summary>The due time while the clock is counting: what the queue sorts and "Breaching soon" filters by.</summary>
    public DateTime? RunningDueAt { get; private set; }
    public DateTime? WarnedAt { get; private set; }
    public DateTime? BreachedAt { get; private set; }
    /// <summary>The earliest unannounced warning or breach moment of an unfinished clock: the watcher's whole scan is
    /// <c>NextCheckAt &lt;= now</c> on an index, so its cost depends on what is due, not on how many incidents are open.</summary>
    public DateTime? NextCheckAt { get; private set; }
    public DateTime ComputedAt { get; private set; }
    public int Version { get; private set; }

    private SlaClock() { }

    public static SlaClock For(int incidentId, SlaClockKind kind) => new() { IncidentId = incidentId, Kind = kind };

    public bool IsActive => StoppedAt is null && State is not (SlaClockState.Met or SlaClockState.Cancelled);

    /// <summary>Takes a fresh reading; announcements whose moment has moved into the future (a longer target) are forgotten so they fire again then.</summary>
    public void Apply(SlaClockReading reading, int policyId, DateTime now)
    {
        PolicyId = policyId;
        Priority = reading.Priority;
        TargetMinutes = (int)reading.Target.TotalMinutes;
        State = reading.State;
        PausedFor = reading.PausedFor;
        DueAt = reading.DueAt;
        WarnAt = reading.WarnAt;
        StoppedAt = reading.StoppedAt;
        ElapsedSeconds = (int)Math.Min(int.MaxValue, reading.Elapsed.TotalSeconds);
        if (WarnAt is null || WarnAt > now) WarnedAt = null;
        if (DueAt is null || DueAt > now) BreachedAt = null;
        RunningDueAt = reading.IsActive && reading.State != SlaClockState.Paused ? DueAt : null;
        ComputedAt = now;
        UpdateNextCheck();
        Version++;
    }

    /// <summary>What the watcher should announce now, if anything. A breach supersedes a warning not yet sent.</summary>
    public SlaThreshold? DueThreshold(DateTime now)
    {
        if (!IsActive) return null;
        if (BreachedAt is null && DueAt <= now) return SlaThreshold.Breach;
        if (WarnedAt is null && BreachedAt is null && WarnAt <= now) return SlaThreshold.Warning;
        return null;
    }

    public void MarkAnnounced(SlaThreshold threshold, DateTime now)
    {
        if (threshold == SlaThreshold.Breach) BreachedAt = now;
        WarnedAt ??= now;
        UpdateNextCheck();
        Version++;
    }

    private void UpdateNextCheck()
    {
        DateTime? next = null;
        if (IsActive)
        {
            if (BreachedAt is null && DueAt is { } due) next = due;
            if (WarnedAt is null && BreachedAt is null && WarnAt is { } warn && (next is null || warn < next)) next = warn;
        }
        NextCheckAt = next;
    }
}

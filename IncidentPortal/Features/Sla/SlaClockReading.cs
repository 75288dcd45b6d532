using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Features.Sla;

public enum SlaClockKind { Response, Resolution }

public enum SlaThreshold { Warning, Breach }

/// <summary>Running, or Paused (On hold for a pausing reason); stopped with a verdict: Met, Breached, or Cancelled (no verdict).</summary>
public enum SlaClockState { Running, Paused, Met, Breached, Cancelled }

public enum SlaSegmentKind { Running, Paused, Stopped }

/// <summary>A stretch of the clock's life for the timeline bar; <see cref="Counted"/> is the business time it added.</summary>
public sealed record SlaSegment(DateTime From, DateTime? To, SlaSegmentKind Kind, string? Reason, TimeSpan Counted);

/// <summary>
/// One clock worked out from the incident's history. <see cref="DueAt"/> and <see cref="WarnAt"/> are the instants the
/// elapsed business time reaches the target (and the warning share of it): in the future for a running clock, in the
/// past once crossed, null while paused before crossing (nobody knows when it will resume).
/// </summary>
public sealed record SlaClockReading(
    SlaClockKind Kind, Priority Priority, string CalendarName, TimeSpan Target, TimeSpan Elapsed, SlaClockState State,
    OnHoldReason? PausedFor, DateTime? DueAt, DateTime? WarnAt, DateTime? StoppedAt, IReadOnlyList<SlaSegment> Segments)
{
    public TimeSpan Remaining => Target - Elapsed;
    public bool IsBreached => Elapsed > Target || State == SlaClockState.Breached;
    /// <summary>Still counting or paused: the clock has no final verdict yet.</summary>
    public bool IsActive => StoppedAt is null && State is not (SlaClockState.Met or SlaClockState.Cancelled);
    public double Fraction => Target <= TimeSpan.Zero ? 1 : Elapsed / Target;
}

/// <summary>A status the incident entered, read from its activity log (On hold carries its reason).</summary>
public sealed record SlaStatusChange(DateTime At, IncidentStatus Status, OnHoldReason? Reason);

/// <summary>
/// Everything the clocks depend on, taken from the incident and its timeline, so the clocks can always be recomputed
/// from history instead of trusting counters. Status starts as New at <see cref="CreatedAt"/>.
/// </summary>
public sealed record SlaFacts(DateTime CreatedAt, DateTime? FirstResponseAt, Priority Priority, IReadOnlyList<SlaStatusChange> Changes)
{
    public static SlaFacts From(Incident incident, IEnumerable<IncidentActivity> history)
    {
        var changes = history
            .Where(a => a.Kind == ActivityKind.StatusChanged && Enum.TryParse<IncidentStatus>(a.NewValue, out _))
            .OrderBy(a => a.At).ThenBy(a => a.Id)
            .Select(a =>
            {
                var status = Enum.Parse<IncidentStatus>(a.NewValue!);
                return new SlaStatusChange(a.At, status, status == IncidentStatus.OnHold ? ReasonFromLabel(a.Text) : null);
            })
            .ToList();
        // The incident's own field is authoritative for the hold it is in now (labels in old entries could be renamed).
        if (incident.Status == IncidentStatus.OnHold && changes.Count > 0 && changes[^1].Status == IncidentStatus.OnHold)
            changes[^1] = changes[^1] with { Reason = incident.OnHoldReason };
        return new SlaFacts(incident.CreatedAt, incident.FirstResponseAt, incident.Priority, changes);
    }

    private static OnHoldReason? ReasonFromLabel(string? text) =>
        Enum.GetValues<OnHoldReason>().Select(r => (OnHoldReason?)r).FirstOrDefault(r => IncidentText.Label(r!.Value) == text);
}

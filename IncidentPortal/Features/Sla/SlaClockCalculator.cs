using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Features.Sla;

/// <summary>
/// Works the two SLA clocks out from an incident's history; pure, so it can be re-run at any time with the same answer.
/// Rules (also in the README):
/// <list type="bullet">
/// <item>Both clocks start when the incident is reported and count only open calendar time, measured against the
///   calendar of the incident's CURRENT priority's target: after a priority change the clock reads as if the incident had
///   had that priority from the start (the ITIL "retroactive" rule), which is what makes recomputation explainable.</item>
/// <item>They pause while On hold for a reason the policy lists (Awaiting user / vendor by default) and resume on leaving it.</item>
/// <item>Response stops at the first response (<see cref="Incident.FirstResponseAt"/>: an agent assigning it or replying
///   publicly), or at resolution/cancellation if that comes first; a reopen does not restart it.</item>
/// <item>Resolution stops when the incident is resolved (Closed keeps it stopped) and RESUMES on reopen with the business
///   time already used: a fix that did not work does not earn a fresh target. Time spent Resolved never counts.</item>
/// <item>Cancelled stops both without a verdict (Cancelled), unless the target had already been exceeded (Breached).</item>
/// <item>Met when stopped within the target (exactly on it counts as met); Breached when the elapsed time exceeds it.</item>
/// </list>
/// </summary>
public static class SlaClockCalculator
{
    public static SlaClockReading Compute(SlaClockKind kind, SlaFacts facts, SlaPolicy policy, SlaTarget target,
        BusinessCalendar calendar, DateTime now)
    {
        var goal = kind == SlaClockKind.Response ? target.Response : target.Resolution;
        var warnAfter = TimeSpan.FromTicks((long)(goal.Ticks * policy.WarningFraction));
        var spans = Spans(facts);
        var responseStop = kind == SlaClockKind.Response ? facts.FirstResponseAt : null;

        var elapsed = TimeSpan.Zero;
        DateTime? dueAt = null, warnAt = null, stoppedAt = null;
        IncidentStatus? stoppedBy = null;
        OnHoldReason? pausedFor = null;
        var segments = new List<SlaSegment>();
        foreach (var (from, spanEnd, status, reason) in spans)
        {
            var to = spanEnd;
            var respondedHere = responseStop is { } r && r < (to ?? DateTime.MaxValue);
            if (respondedHere) to = responseStop!.Value < from ? from : responseStop;
            pausedFor = null;

            if (status is IncidentStatus.Resolved or IncidentStatus.Closed or IncidentStatus.Cancelled)
            {
                stoppedAt ??= from;
                stoppedBy = status == IncidentStatus.Closed ? stoppedBy ?? IncidentStatus.Resolved : status;
                Add(segments, new SlaSegment(from, spanEnd, SlaSegmentKind.Stopped, IncidentText.Label(status), TimeSpan.Zero));
                if (kind == SlaClockKind.Response) break;
                continue;
            }
            stoppedAt = null;
            stoppedBy = null;
            if (status == IncidentStatus.OnHold && reason is { } hold && policy.Pauses(hold))
            {
                pausedFor = hold;
                Add(segments, new SlaSegment(from, to, SlaSegmentKind.Paused, IncidentText.Label(hold), TimeSpan.Zero));
            }
            else
            {
                var measuredTo = to is { } end && end < now ? end : now;
                var counted = BusinessHours.Elapsed(calendar, from, measuredTo);
                // Where this span crosses the warning share and the target; an open span (to == null) always reaches them.
                var available = to is { } closedAt ? BusinessHours.Elapsed(calendar, from, closedAt) : TimeSpan.MaxValue;
                warnAt ??= Crossing(calendar, from, elapsed, available, warnAfter);
                dueAt ??= Crossing(calendar, from, elapsed, available, goal);
                elapsed += counted;
                Add(segments, new SlaSegment(from, to, SlaSegmentKind.Running, null, counted));
            }
            if (respondedHere)
            {
                stoppedAt = to;
                stoppedBy = IncidentStatus.InProgress;
                pausedFor = null;
                Add(segments, new SlaSegment(to!.Value, null, SlaSegmentKind.Stopped, "Responded", TimeSpan.Zero));
                break;
            }
        }

        var breached = elapsed > goal;
        var state = stoppedAt is not null
            ? breached ? SlaClockState.Breached : stoppedBy == IncidentStatus.Cancelled ? SlaClockState.Cancelled : SlaClockState.Met
            : pausedFor is not null ? SlaClockState.Paused
            : breached ? SlaClockState.Breached : SlaClockState.Running;
        // A stopped or paused clock only keeps the moments it has actually passed.
        if (stoppedAt is not null || pausedFor is not null)
        {
            if (dueAt > (stoppedAt ?? now)) dueAt = null;
            if (warnAt > (stoppedAt ?? now)) warnAt = null;
        }
        return new SlaClockReading(kind, facts.Priority, calendar.Name, goal, elapsed, state, pausedFor, dueAt, warnAt, stoppedAt, segments);
    }

    private static DateTime? Crossing(BusinessCalendar calendar, DateTime from, TimeSpan before, TimeSpan available, TimeSpan threshold)
    {
        if (before >= threshold) return null;                          // crossed in an earlier span
        var needed = threshold - before;
        if (available != TimeSpan.MaxValue && available <= needed) return null;   // not in this span (exactly at its end = met)
        return BusinessHours.Add(calendar, from, needed);
    }

    /// <summary>Consecutive stretches of the same kind (New → Assigned → In progress) read as one on the bar.</summary>
    private static void Add(List<SlaSegment> segments, SlaSegment next)
    {
        if (segments.Count > 0 && segments[^1] is var last && last.Kind == next.Kind && last.Reason == next.Reason && last.To == next.From)
            segments[^1] = last with { To = next.To, Counted = last.Counted + next.Counted };
        else segments.Add(next);
    }

    private static List<(DateTime From, DateTime? To, IncidentStatus Status, OnHoldReason? Reason)> Spans(SlaFacts facts)
    {
        var spans = new List<(DateTime, DateTime?, IncidentStatus, OnHoldReason?)>();
        var (at, status, reason) = (facts.CreatedAt, IncidentStatus.New, (OnHoldReason?)null);
        foreach (var change in facts.Changes)
        {
            var changeAt = change.At < at ? at : change.At;
            if (changeAt > at) spans.Add((at, changeAt, status, reason));
            (at, status, reason) = (changeAt, change.Status, change.Reason);
        }
        spans.Add((at, null, status, reason));
        return spans;
    }
}

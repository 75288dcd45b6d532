namespace IncidentPortal.Features.StatusPage.Public;

/// <summary>
/// Turns a component's status periods into daily bars and an uptime percentage. A major outage counts fully as
/// downtime and a partial outage as 30 % (as Statuspage does); degraded performance and maintenance are not downtime.
/// </summary>
public static class UptimeHistory
{
    public static (IReadOnlyList<UptimeDay> Days, double UptimePercent) Build(IReadOnlyList<ComponentStatusPeriod> periods,
        DateTime componentSince, DateOnly today, DateTime now, int dayCount)
    {
        // Before the first recorded period the component was not tracked yet: those days have no data.
        var since = periods.Count == 0 ? componentSince : periods.Min(p => p.StartedAt);
        var days = new List<UptimeDay>(dayCount);
        double observed = 0, down = 0;
        var outageNow = false;
        for (var day = today.AddDays(-(dayCount - 1)); day <= today; day = day.AddDays(1))
        {
            var start = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var end = day == today ? now : start.AddDays(1);
            if (end <= since) { days.Add(new UptimeDay(day, ComponentStatus.Operational, false, [])); continue; }
            var worst = ComponentStatus.Operational;
            var events = new List<string>();
            foreach (var p in periods.OrderBy(p => p.StartedAt))
            {
                var from = p.StartedAt > start ? p.StartedAt : start;
                var to = (p.EndedAt ?? now) < end ? p.EndedAt ?? now : end;
                // The current status always shows on today's bar, even when the page is built the instant it began
                // (a zero-length period so far): otherwise an outage starting now reads as a green day and 100 %.
                var current = p.EndedAt is null && day == today && p.StartedAt <= now;
                if (to <= from && !current) continue;
                if (p.Status > worst) worst = p.Status;
                if (p.Status == ComponentStatus.Operational) continue;
                if (current && Weight(p.Status) > 0) outageNow = true;
                if (to > from) down += (to - from).TotalSeconds * Weight(p.Status);
                var length = to > from ? to - from : TimeSpan.Zero;
                events.Add($"{StatusText.Label(p.Status)} for {Duration(length)}{(current ? ", ongoing" : "")}{(p.Cause is null ? "" : $": {p.Cause}")}");
            }
            observed += (end - (since > start ? since : start)).TotalSeconds;
            days.Add(new UptimeDay(day, worst, true, events));
        }
        var uptime = observed <= 0 ? 100 : Math.Round(100 * (1 - down / observed), 2);
        // A short outage rounds away in 90 days; a red bar beside "100 % uptime" reads as a mistake.
        if ((down > 0 || outageNow) && uptime >= 100) uptime = 99.99;
        return (days, uptime);
    }

    private static double Weight(ComponentStatus status) => status switch
    {
        ComponentStatus.MajorOutage => 1,
        ComponentStatus.PartialOutage => 0.3,
        _ => 0,
    };

    public static string Duration(TimeSpan span) => Time.TimeText.Duration(span);
}

using System.Globalization;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Sla;

/// <summary>
/// Recomputes an incident's stored clocks from its history and, when asked to explain (a priority, service, policy or
/// calendar change), records on the timeline how each unfinished clock's due time moved.
/// </summary>
public static class SlaClockWriter
{
    public const string Topic = "SLA";

    /// <param name="explain">Why the targets may have moved ("priority P3 → P2"); null for ordinary changes (no entry).</param>
    public static void Write(Incident incident, IReadOnlyList<SlaClock> existing, Func<SlaClock, SlaClock> add, SlaFacts facts,
        SlaPolicy policy, DateTime now, string? explain)
    {
        var target = policy.TargetFor(incident.Priority);
        var calendar = target.Calendar ?? throw new InvalidOperationException("Load the policy with its calendars.");
        var moves = new List<string>();
        foreach (var kind in Enum.GetValues<SlaClockKind>())
        {
            var reading = SlaClockCalculator.Compute(kind, facts, policy, target, calendar, now);
            var found = existing.FirstOrDefault(c => c.Kind == kind);
            var clock = found ?? add(SlaClock.For(incident.Id, kind));
            // A clock seen for the first time has no earlier due time to explain.
            var (dueBefore, activeBefore) = (clock.DueAt, found is not null && clock.IsActive);
            clock.Apply(reading, policy.Id, now);
            if (explain is not null && activeBefore && clock.IsActive && dueBefore != clock.DueAt)
                moves.Add($"{kind} due {Format(dueBefore, calendar)} → {Format(clock.DueAt, calendar)}");
        }
        if (moves.Count > 0)
            incident.RecordEvent(new ChangeContext(null, now, ActorIsAgent: false), Topic,
                $"Targets recomputed after {explain}: {string.Join("; ", moves)} ({calendar.Name} calendar, times {ZoneName(calendar)})");
    }

    /// <summary>Loads what <see cref="Write"/> needs for one incident inside a change's unit of work.</summary>
    public static async Task<List<SlaClock>> ClocksAsync(AppDbContext db, int incidentId, CancellationToken ct) =>
        await db.SlaClocks.Where(c => c.IncidentId == incidentId).ToListAsync(ct);

    /// <summary>"Tue 24 Nov 14:00" in the calendar's zone (UTC for 24×7); "paused" when there is no due time.</summary>
    public static string Format(DateTime? utc, BusinessCalendar calendar)
    {
        if (utc is not { } value) return "paused";
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(value, DateTimeKind.Utc), calendar.Zone);
        return local.ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);
    }

    public static string ZoneName(BusinessCalendar calendar) => calendar.Kind == CalendarKind.AlwaysOpen ? "UTC" : calendar.TimeZoneId;
}

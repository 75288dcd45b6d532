using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Time;

namespace IncidentPortal.Features.Reports.Digest;

/// <summary>
/// When the weekly digest goes out: Monday 08:00 in the recipient's own zone, about the seven full local days before
/// (Monday to Sunday), once per week. A week is named by its local Monday.
/// </summary>
public static class DigestSchedule
{
    public const DayOfWeek SendDay = DayOfWeek.Monday;
    public static readonly TimeOnly SendTime = new(8, 0);

    /// <summary>Only incident managers and admins may receive it (it is about everyone's incidents).</summary>
    public static bool IsFor(Actor actor) => actor.IsIncidentManager || actor.IsAdmin;

    /// <summary>The local Monday of the week holding <paramref name="utc"/>.</summary>
    public static DateOnly WeekOf(DateTime utc, TimeZoneInfo zone) => ReportDays.WeekStart(ReportDays.LocalDay(utc, zone));

    /// <summary>Monday 08:00 local of the week, as UTC. Should a DST change skip 08:00, the first local time after it.</summary>
    public static DateTime SendAtUtc(DateOnly monday, TimeZoneInfo zone)
    {
        var local = monday.ToDateTime(SendTime, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(15);
        return WallClock.ToUtc(local, zone).Utc!.Value;
    }

    /// <summary>
    /// The week whose digest is due at <paramref name="nowUtc"/>, or null: due once its send time has passed, if the
    /// person had opted in by then and that week was not sent yet. A week missed entirely (the app was down) is not
    /// caught up later: the next Monday brings the next week's digest.
    /// </summary>
    public static DateOnly? DueWeek(DateTime nowUtc, TimeZoneInfo zone, DateTime subscribedAt, DateOnly? lastSentWeek)
    {
        var week = WeekOf(nowUtc, zone);
        var sendAt = SendAtUtc(week, zone);
        if (nowUtc < sendAt || subscribedAt > sendAt || lastSentWeek >= week) return null;
        return week;
    }

    /// <summary>When the next digest goes out for someone opted in at <paramref name="subscribedAt"/>, looking from <paramref name="nowUtc"/>.</summary>
    public static DateTime NextSendUtc(DateTime nowUtc, TimeZoneInfo zone, DateTime subscribedAt, DateOnly? lastSentWeek)
    {
        if (DueWeek(nowUtc, zone, subscribedAt, lastSentWeek) is { } due) return SendAtUtc(due, zone);
        var from = nowUtc > subscribedAt ? nowUtc : subscribedAt;
        for (var week = WeekOf(from, zone); ; week = week.AddDays(7))
        {
            var sendAt = SendAtUtc(week, zone);
            if (sendAt >= from && !(lastSentWeek >= week)) return sendAt;
        }
    }

    /// <summary>What the digest of the week of <paramref name="monday"/> covers: the seven full local days before it.</summary>
    public static ReportFilter RangeFor(DateOnly monday, string timeZoneId) =>
        new() { From = monday.AddDays(-7), To = monday.AddDays(-1), TimeZoneId = timeZoneId, Preset = ReportPreset.Custom };
}

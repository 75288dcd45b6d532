using System.Globalization;

namespace IncidentPortal.Features.Reports;

/// <summary>Calendar days and ISO weeks in a time zone, and their keys in slices ("2026-12-01", "2026-W49").</summary>
public static class ReportDays
{
    /// <summary>The first instant of <paramref name="day"/> in <paramref name="zone"/>, as UTC. When a DST change skips
    /// midnight, the day starts at the first local time that exists.</summary>
    public static DateTime StartOfDayUtc(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(15);
        // An ambiguous midnight (clocks went back over it) starts at its first occurrence: the larger offset.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
    }

    public static DateOnly LocalDay(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    /// <summary>The Monday of the ISO week containing <paramref name="day"/>.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static string DayKey(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string WeekKey(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):D2}";
    }

    public static bool TryParseDay(string? key, out DateOnly day) =>
        DateOnly.TryParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// <summary>"2026-W49" → the Monday of that ISO week.</summary>
    public static bool TryParseWeek(string? key, out DateOnly monday)
    {
        monday = default;
        if (key is not { Length: 8 } || key[4] != '-' || key[5] != 'W') return false;
        if (!int.TryParse(key.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(key.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var week)) return false;
        if (year is < 1900 or > 9000 || week < 1 || week > ISOWeek.GetWeeksInYear(year)) return false;
        monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
        return true;
    }

    /// <summary>The key of the period (day or week) holding <paramref name="day"/>.</summary>
    public static string PeriodKey(DateOnly day, ReportGrain grain) => grain == ReportGrain.Week ? WeekKey(day) : DayKey(day);
}

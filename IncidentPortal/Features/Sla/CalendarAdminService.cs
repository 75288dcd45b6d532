using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Admin;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Sla;

/// <summary>A weekday's hours as the admin page edits them: one period a day (an end at or before the start runs past midnight).</summary>
public sealed record DayHours(DayOfWeek Day, bool Open, TimeOnly Start, TimeOnly End);

public sealed record HolidayInput(DateOnly Date, string Name);

public sealed record CalendarInput(string Name, bool AlwaysOpen, string TimeZoneId, IReadOnlyList<DayHours> Days,
    IReadOnlyList<HolidayInput> Holidays, int? Version = null);

public sealed record CalendarRow(int Id, string Name, bool AlwaysOpen, string TimeZoneId, IReadOnlyList<DayHours> Days,
    IReadOnlyList<HolidayInput> Holidays, int UsedByTargets, int Version);

/// <summary>Admins' business calendars. A change to one in use queues the recomputation of open incidents' clocks.</summary>
public sealed class CalendarAdminService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const string NameField = "Name";
    public const string TimeZoneField = "TimeZone";
    public const string HoursField = "Hours";
    public const string HolidaysField = "Holidays";

    public static readonly DayOfWeek[] WeekFromMonday =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static IReadOnlyList<string> TimeZones { get; } = TimeZoneInfo.GetSystemTimeZones()
        .Select(z => z.Id).Where(id => id.Contains('/') || id == "UTC").Order(StringComparer.Ordinal).ToList();

    public async Task<List<CalendarRow>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var calendars = await db.BusinessCalendars.AsNoTracking().Include(c => c.Periods).Include(c => c.Holidays).AsSplitQuery()
            .OrderBy(c => c.Name).ToListAsync(ct);
        var usage = await db.Set<SlaTarget>().GroupBy(t => t.CalendarId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return calendars.Select(c => new CalendarRow(c.Id, c.Name, c.Kind == CalendarKind.AlwaysOpen, c.TimeZoneId,
            WeekFromMonday.Select(d => c.Periods.FirstOrDefault(p => p.Day == d) is { } p
                ? new DayHours(d, true, Time(p.StartMinute), Time(p.EndMinute)) : new DayHours(d, false, new TimeOnly(9, 0), new TimeOnly(17, 0))).ToList(),
            c.Holidays.OrderBy(h => h.Date).Select(h => new HolidayInput(h.Date, h.Name)).ToList(),
            usage.GetValueOrDefault(c.Id), c.Version)).ToList();
    }

    public async Task<AdminResult> SaveAsync(Actor actor, int? calendarId, CalendarInput input, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var name = ReferenceNames.Clean(input.Name);
        var others = await db.BusinessCalendars.Where(c => c.Id != calendarId).Select(c => c.Name).ToListAsync(ct);
        if (ReferenceNames.Problem(name, "calendar", others) is { } nameProblem) return AdminResult.Invalid(NameField, nameProblem);

        List<WorkingPeriod> periods;
        List<CalendarHoliday> holidays;
        try
        {
            periods = input.Days.Where(d => d.Open).Select(d => WorkingPeriod.Of(d.Day, d.Start, d.End)).ToList();
        }
        catch (CalendarRuleException e) { return AdminResult.Invalid(HoursField, e.Message); }
        try
        {
            holidays = input.Holidays.Select(h => CalendarHoliday.On(h.Date, h.Name)).ToList();
        }
        catch (CalendarRuleException e) { return AdminResult.Invalid(HolidaysField, e.Message); }

        BusinessCalendar calendar;
        try
        {
            if (calendarId is { } id)
            {
                var found = await db.BusinessCalendars.Include(c => c.Periods).Include(c => c.Holidays).SingleOrDefaultAsync(c => c.Id == id, ct);
                if (found is null) return AdminResult.Refused("This calendar no longer exists; reload the page.");
                if (input.Version is { } seen && seen != found.Version)
                    return AdminResult.Refused("Someone else changed this calendar meanwhile; reload the page to see their change.");
                calendar = found;
                calendar.Rename(name);
                if (input.AlwaysOpen) calendar.MakeAlwaysOpen();
                else calendar.SetHours(input.TimeZoneId, periods);
                calendar.SetHolidays(holidays);
            }
            else
            {
                calendar = input.AlwaysOpen ? BusinessCalendar.AlwaysOpen(name) : BusinessCalendar.WithHours(name, input.TimeZoneId, periods);
                calendar.SetHolidays(holidays);
                db.BusinessCalendars.Add(calendar);
            }
        }
        catch (CalendarRuleException e)
        {
            var field = e.Message.Contains("time zone") ? TimeZoneField : e.Message.Contains("listed twice") ? HolidaysField : HoursField;
            return AdminResult.Invalid(field, e.Message);
        }
        if (calendarId is { } usedId && await db.Set<SlaTarget>().AnyAsync(t => t.CalendarId == usedId, ct))
            SlaRecomputer.Enqueue(db, $"a change to the calendar \"{calendar.Name}\"", clock.GetUtcNow().UtcDateTime);
        return await AdminResult.SaveAsync(db, () => calendar.Id,
            AdminResult.Invalid(NameField, "Another admin saved a calendar with this name meanwhile."), ct);
    }

    public async Task<AdminResult> DeleteAsync(Actor actor, int calendarId, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var calendar = await db.BusinessCalendars.SingleOrDefaultAsync(c => c.Id == calendarId, ct);
        if (calendar is null) return AdminResult.Done();
        var users = await db.SlaPolicies.Where(p => p.Targets.Any(t => t.CalendarId == calendarId)).Select(p => p.Name).ToListAsync(ct);
        if (users.Count > 0) return AdminResult.Refused($"\"{calendar.Name}\" is used by {string.Join(", ", users)}; choose another calendar there first.");
        db.BusinessCalendars.Remove(calendar);
        return await AdminResult.SaveAsync(db, () => calendarId, AdminResult.Refused("The calendar came into use meanwhile."), ct);
    }

    private static TimeOnly Time(int minute) => minute >= 1440 ? TimeOnly.MinValue : new TimeOnly(minute / 60, minute % 60);
}

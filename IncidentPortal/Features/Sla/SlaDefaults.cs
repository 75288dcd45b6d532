using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Sla;

/// <summary>
/// The starting point an admin edits: a 24×7 calendar, an "Office hours" calendar (Mon–Fri 09:00–17:00), and a default
/// policy where P1/P2 run around the clock and P3–P5 in office hours.
/// </summary>
public static class SlaDefaults
{
    public const string AlwaysOpenName = "24×7";
    public const string OfficeHoursName = "Office hours";

    public static (BusinessCalendar Always, BusinessCalendar Office) Calendars(string timeZoneId) =>
        (BusinessCalendar.AlwaysOpen(AlwaysOpenName),
         BusinessCalendar.Office(OfficeHoursName, timeZoneId, new TimeOnly(9, 0), new TimeOnly(17, 0)));

    public static SlaPolicy Policy(BusinessCalendar always, BusinessCalendar office) => SlaPolicy.Create("Standard", null, [
        SlaTarget.For(Priority.P1, TimeSpan.FromMinutes(15), TimeSpan.FromHours(4), always),
        SlaTarget.For(Priority.P2, TimeSpan.FromMinutes(30), TimeSpan.FromHours(8), always),
        SlaTarget.For(Priority.P3, TimeSpan.FromHours(2), TimeSpan.FromHours(16), office),
        SlaTarget.For(Priority.P4, TimeSpan.FromHours(8), TimeSpan.FromHours(40), office),
        SlaTarget.For(Priority.P5, TimeSpan.FromHours(16), TimeSpan.FromHours(80), office),
    ]);

    /// <summary>Adds the defaults when there is no policy yet; returns whether it did.</summary>
    public static async Task<bool> EnsureAsync(AppDbContext db, string timeZoneId, CancellationToken ct)
    {
        if (await db.SlaPolicies.AnyAsync(ct)) return false;
        var always = await db.BusinessCalendars.SingleOrDefaultAsync(c => c.Name == AlwaysOpenName, ct);
        var office = await db.BusinessCalendars.Include(c => c.Periods).SingleOrDefaultAsync(c => c.Name == OfficeHoursName, ct);
        var fresh = Calendars(timeZoneId);
        always ??= db.BusinessCalendars.Add(fresh.Always).Entity;
        office ??= db.BusinessCalendars.Add(fresh.Office).Entity;
        db.SlaPolicies.Add(Policy(always, office));
        await db.SaveChangesAsync(ct);
        return true;
    }
}

/// <summary>With demo data: the default SLA set-up, and clocks for the demo incidents (seeded without the save hooks).</summary>
internal sealed class SlaDemoSeeder(IDbContextFactory<AppDbContext> dbFactory, SlaRecomputer recomputer) : IStartupSeeder
{
    public async Task SeedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await SlaDefaults.EnsureAsync(db, "Europe/London", ct);
        var missing = await db.Incidents.AnyAsync(i => IncidentLifecycle.OpenStatuses.Contains(i.Status)
            && !db.SlaClocks.Any(c => c.IncidentId == i.Id), ct);
        if (missing) await recomputer.RecomputeOpenAsync("the SLA set-up", ct);
    }
}

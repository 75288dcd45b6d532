using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IncidentPortal.Features.Sla;

internal sealed class BusinessCalendarConfiguration : IEntityTypeConfiguration<BusinessCalendar>
{
    public void Configure(EntityTypeBuilder<BusinessCalendar> calendar)
    {
        calendar.ToTable("BusinessCalendars");
        calendar.Property(c => c.Name).HasMaxLength(BusinessCalendar.MaxNameLength).IsRequired();
        calendar.HasIndex(c => c.Name).IsUnique();
        calendar.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        calendar.Property(c => c.TimeZoneId).HasMaxLength(64).IsRequired();
        calendar.Property(c => c.Version).IsConcurrencyToken();
        calendar.Ignore(c => c.Zone);
        calendar.HasMany(c => c.Periods).WithOne().HasForeignKey(p => p.CalendarId).OnDelete(DeleteBehavior.Cascade);
        calendar.HasMany(c => c.Holidays).WithOne().HasForeignKey(h => h.CalendarId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkingPeriodConfiguration : IEntityTypeConfiguration<WorkingPeriod>
{
    public void Configure(EntityTypeBuilder<WorkingPeriod> period)
    {
        period.ToTable("CalendarWorkingPeriods");
        period.Property(p => p.Day).HasConversion<string>().HasMaxLength(10);
        period.Ignore(p => p.SpansMidnight);
        period.Ignore(p => p.Length);
        period.HasIndex(p => p.CalendarId);
    }
}

internal sealed class CalendarHolidayConfiguration : IEntityTypeConfiguration<CalendarHoliday>
{
    public void Configure(EntityTypeBuilder<CalendarHoliday> holiday)
    {
        holiday.ToTable("CalendarHolidays");
        holiday.Property(h => h.Name).HasMaxLength(BusinessCalendar.MaxHolidayNameLength).IsRequired();
        holiday.HasIndex(h => new { h.CalendarId, h.Date }).IsUnique();
    }
}

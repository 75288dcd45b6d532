using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static IncidentPortal.Infrastructure.Data.Migrations.MigrationColumns;

namespace IncidentPortal.Infrastructure.Data.Migrations;

/// <summary>Business calendars for SLA clocks: working periods per weekday in a time zone, and holidays.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261124010000_BusinessCalendars")]
public sealed class BusinessCalendars : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var m = migrationBuilder;
        m.CreateTable("BusinessCalendars", t => new
        {
            Id = Identity(t.Column<int>(nullable: false)),
            Name = t.Column<string>(maxLength: 100, nullable: false),
            Kind = t.Column<string>(maxLength: 20, nullable: false),
            TimeZoneId = t.Column<string>(maxLength: 64, nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_BusinessCalendars", x => x.Id));
        m.CreateIndex("IX_BusinessCalendars_Name", "BusinessCalendars", "Name", unique: true);

        m.CreateTable("CalendarWorkingPeriods", t => new
        {
            Id = Identity(t.Column<int>(nullable: false)),
            CalendarId = t.Column<int>(nullable: false),
            Day = t.Column<string>(maxLength: 10, nullable: false),
            StartMinute = t.Column<int>(nullable: false),
            EndMinute = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_CalendarWorkingPeriods", x => x.Id);
            t.ForeignKey("FK_CalendarWorkingPeriods_BusinessCalendars_CalendarId", x => x.CalendarId, "BusinessCalendars", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_CalendarWorkingPeriods_CalendarId", "CalendarWorkingPeriods", "CalendarId");

        m.CreateTable("CalendarHolidays", t => new
        {
            Id = Identity(t.Column<int>(nullable: false)),
            CalendarId = t.Column<int>(nullable: false),
            Date = t.Column<DateOnly>(nullable: false),
            Name = t.Column<string>(maxLength: 100, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_CalendarHolidays", x => x.Id);
            t.ForeignKey("FK_CalendarHolidays_BusinessCalendars_CalendarId", x => x.CalendarId, "BusinessCalendars", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_CalendarHolidays_CalendarId_Date", "CalendarHolidays", ["CalendarId", "Date"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("CalendarHolidays");
        migrationBuilder.DropTable("CalendarWorkingPeriods");
        migrationBuilder.DropTable("BusinessCalendars");
    }
}

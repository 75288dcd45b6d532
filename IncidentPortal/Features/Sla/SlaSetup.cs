using IncidentPortal.Features.DemoData;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Outbox;

namespace IncidentPortal.Features.Sla;

public static class SlaSetup
{
    /// <summary>Register after the demo data: its seeder gives the demo incidents their clocks.</summary>
    public static WebApplicationBuilder AddSla(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SlaOptions>(builder.Configuration.GetSection(SlaOptions.Section));
        builder.Services.AddSingleton<IIncidentSaveHook, SlaClockHook>();
        builder.Services.AddSingleton<SlaRecomputer>();
        builder.Services.AddSingleton<IOutboxHandler>(services => services.GetRequiredService<SlaRecomputer>());
        builder.Services.AddSingleton<SlaQueries>();
        builder.Services.AddSingleton<SlaAdminService>();
        builder.Services.AddSingleton<CalendarAdminService>();
        builder.Services.AddSingleton<SlaWatcher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SlaWatcher>());
        if (builder.Configuration.GetSection(DemoDataOptions.Section).Get<DemoDataOptions>()?.Seed == true)
            builder.Services.AddSingleton<IStartupSeeder, SlaDemoSeeder>();
        return builder;
    }
}

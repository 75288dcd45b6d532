using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Features.StatusPage;

public static class StatusPageSetup
{
    public static WebApplicationBuilder AddStatusPublishing(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<StatusPageOptions>(builder.Configuration.GetSection(StatusPageOptions.Section));
        builder.Services.AddSingleton<StatusService>();
        builder.Services.AddSingleton<StatusComponentAdminService>();
        builder.Services.AddSingleton<Internal.InternalStatusQueries>();
        // Registered after the database (Program.cs order), so it starts once migrations and seeding are done.
        builder.Services.AddHostedService<MaintenanceScheduler>();
        builder.Services.AddSingleton<StatusLifecycleHook>();
        builder.Services.AddSingleton<IIncidentSaveHook>(services => services.GetRequiredService<StatusLifecycleHook>());
        // After the demo seeder (Program.cs order): it shows the demo services and a past incident.
        if (builder.Configuration.GetValue<bool>("DemoData:Seed"))
            builder.Services.AddSingleton<Infrastructure.Data.IStartupSeeder, StatusPageDemoSeeder>();
        return builder;
    }
}

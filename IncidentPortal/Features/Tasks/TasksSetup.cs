using IncidentPortal.Features.DemoData;
using IncidentPortal.Infrastructure.Data;

namespace IncidentPortal.Features.Tasks;

public static class TasksSetup
{
    public static WebApplicationBuilder AddTasks(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IncidentTaskService>();
        builder.Services.AddSingleton<Incidents.IIncidentSaveHook, CancelTasksWithIncident>();
        // Seeders run in registration order: AddTasks comes after AddDemoData, so the demo incidents exist by then.
        if (builder.Configuration.GetSection(DemoDataOptions.Section).Get<DemoDataOptions>()?.Seed == true)
            builder.Services.AddSingleton<IStartupSeeder, DemoTaskSeeder>();
        return builder;
    }
}

namespace IncidentPortal.Features.Tasks;

public static class TasksSetup
{
    public static WebApplicationBuilder AddTasks(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IncidentTaskService>();
        builder.Services.AddSingleton<Incidents.IIncidentSaveHook, CancelTasksWithIncident>();
        return builder;
    }
}

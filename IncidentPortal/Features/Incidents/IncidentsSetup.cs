namespace IncidentPortal.Features.Incidents;

public static class IncidentsSetup
{
    public static WebApplicationBuilder AddIncidents(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PriorityMatrixService>();
        builder.Services.AddSingleton<IncidentService>();
        builder.Services.AddSingleton<IncidentQueries>();
        builder.Services.AddSingleton<QueueService>();
        builder.Services.AddSingleton<Accounts.UserDirectory>();
        return builder;
    }
}

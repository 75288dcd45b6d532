namespace IncidentPortal.Features.Incidents;

public static class IncidentsSetup
{
    public static WebApplicationBuilder AddIncidents(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<IncidentOptions>(builder.Configuration.GetSection(IncidentOptions.Section));
        builder.Services.AddSingleton<PriorityMatrixService>();
        builder.Services.AddSingleton<IncidentService>();
        builder.Services.AddSingleton<IncidentQueries>();
        builder.Services.AddSingleton<QueueResultCache>();
        builder.Services.AddSingleton<QueueService>();
        builder.Services.AddSingleton<Bulk.BulkIncidentService>();
        builder.Services.AddSingleton<SavedViews.SavedViewService>();
        builder.Services.AddSingleton<IncidentChoices>();
        // Registered after the database (Program.cs order), so it starts once migrations and seeding are done.
        builder.Services.AddSingleton<IncidentAutoCloser>();
        builder.Services.AddHostedService(services => services.GetRequiredService<IncidentAutoCloser>());
        builder.Services.AddSingleton<Accounts.UserDirectory>();
        return builder;
    }
}

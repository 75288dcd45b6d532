namespace IncidentPortal.Features.Incidents;

public static class IncidentsSetup
{
    public static WebApplicationBuilder AddIncidents(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IncidentService>();
        builder.Services.AddSingleton<Catalog.CatalogService>();
        return builder;
    }
}

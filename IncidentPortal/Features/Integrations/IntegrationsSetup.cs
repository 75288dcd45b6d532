using IncidentPortal.Infrastructure.Data;

namespace IncidentPortal.Features.Integrations;

public static class IntegrationsSetup
{
    public static WebApplicationBuilder AddIntegrations(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IntegrationDirectory>();
        builder.Services.AddSingleton<IngestRateLimits>();
        builder.Services.AddSingleton<IntegrationAdminService>();
        builder.Services.AddSingleton<IStartupSeeder, MonitoringAccount>();
        return builder;
    }
}

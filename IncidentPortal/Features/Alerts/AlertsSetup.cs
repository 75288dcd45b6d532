using IncidentPortal.Features.Alerts.Ingest;
using IncidentPortal.Features.Integrations;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Outbox;

namespace IncidentPortal.Features.Alerts;

public static class AlertsSetup
{
    /// <summary>Call after AddDemoData (demo alerts need the demo teams). Integrations and keys, the ingest pipeline with its single writer, and the alert pages' queries.</summary>
    public static WebApplicationBuilder AddAlerts(this WebApplicationBuilder builder)
    {
        builder.AddIntegrations();
        builder.Services.AddSingleton<AlertFollowUps>();
        builder.Services.AddSingleton<IOutboxHandler>(services => services.GetRequiredService<AlertFollowUps>());
        builder.Services.AddSingleton<AlertWriter>();
        builder.Services.AddHostedService(services => services.GetRequiredService<AlertWriter>());
        builder.Services.AddSingleton<IngestPipeline>();
        builder.Services.AddSingleton<AlertQueries>();
        builder.Services.AddSingleton<AlertActions>();
        if (builder.Configuration.GetValue<bool>("DemoData:Seed")) builder.Services.AddSingleton<IStartupSeeder, DemoAlerts>();
        return builder;
    }

    public static WebApplication MapAlerts(this WebApplication app) => app.MapAlertIngest();
}

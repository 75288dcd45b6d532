using IncidentPortal.Features.DemoData;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;

namespace IncidentPortal.Features.Escalation;

public static class EscalationSetup
{
    public static WebApplicationBuilder AddEscalation(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<EscalationOptions>(builder.Configuration.GetSection(EscalationOptions.Section));
        builder.Services.AddSingleton<EscalationWriter>();
        builder.Services.AddSingleton<EscalationService>();
        builder.Services.AddSingleton<EscalationQueries>();
        builder.Services.AddSingleton<EscalationPolicyAdminService>();
        builder.Services.AddSingleton<EscalationMatrixService>();
        builder.Services.AddSingleton<IIncidentSaveHook, EscalationSaveHook>();
        builder.Services.AddSingleton<EscalationStepper>();
        builder.Services.AddSingleton<EscalationWorker>();
        builder.Services.AddHostedService(services => services.GetRequiredService<EscalationWorker>());
        builder.Services.AddHostedService<EscalationSlaReactor>();
        // Seeders run in registration order: AddEscalation comes after AddDemoData, so the demo people and teams exist.
        if (builder.Configuration.GetSection(DemoDataOptions.Section).Get<DemoDataOptions>()?.Seed == true)
            builder.Services.AddSingleton<IStartupSeeder, EscalationDemoSeeder>();
        return builder;
    }
}

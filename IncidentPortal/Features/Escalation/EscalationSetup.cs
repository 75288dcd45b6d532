using IncidentPortal.Features.Incidents;

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
        return builder;
    }
}

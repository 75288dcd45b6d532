using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Features.Routing;

public static class RoutingSetup
{
    public static WebApplicationBuilder AddIncidentRouting(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RoutingAdminService>();
        builder.Services.AddSingleton<AutoAssignmentService>();
        builder.Services.AddSingleton<AssignmentAnnouncements>();
        builder.Services.AddHostedService(services => services.GetRequiredService<AssignmentAnnouncements>());
        builder.Services.AddSingleton<IIncidentSaveHook, AutoAssignHook>();
        return builder;
    }
}

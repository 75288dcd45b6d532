using IncidentPortal.Features.Reports.Digest;

namespace IncidentPortal.Features.Reports;

public static class ReportsSetup
{
    public static WebApplicationBuilder AddReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReportsService>();
        builder.Services.AddSingleton<WeeklyDigestBuilder>();
        builder.Services.AddSingleton<DigestSender>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DigestSender>());
        return builder;
    }

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app) => app;
}

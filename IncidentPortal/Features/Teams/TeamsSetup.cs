namespace IncidentPortal.Features.Teams;

public static class TeamsSetup
{
    public static WebApplicationBuilder AddTeams(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TeamAdminService>();
        return builder;
    }
}

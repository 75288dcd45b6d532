using IncidentPortal.Features.Admin.Users;

namespace IncidentPortal.Features.Admin;

public static class AdminSetup
{
    public static WebApplicationBuilder AddAdmin(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<UserAdminService>();
        return builder;
    }
}

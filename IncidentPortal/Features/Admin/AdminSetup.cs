using IncidentPortal.Features.Admin.Users;
using Microsoft.AspNetCore.Identity;

namespace IncidentPortal.Features.Admin;

public static class AdminSetup
{
    public static WebApplicationBuilder AddAdmin(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<UserAdminService>();
        builder.Services.AddSingleton<UserInvitations>();
        // What AddTokenProvider does, kept here with the feature that uses it.
        builder.Services.AddSingleton<InvitationTokenProvider>();
        builder.Services.Configure<IdentityOptions>(o =>
            o.Tokens.ProviderMap[InvitationTokenProvider.Name] = new TokenProviderDescriptor(typeof(InvitationTokenProvider)));
        return builder;
    }
}

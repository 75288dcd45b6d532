using IncidentPortal.Features.Accounts;
using IncidentPortal.Infrastructure.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace IncidentPortal.Infrastructure.Auth;

public static class AuthSetup
{
    /// <summary>PBKDF2 rounds for password hashes (HMAC-SHA512): OWASP's recommendation.</summary>
    public const int PasswordHashIterations = 210_000;

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(AccountOptions.Section);
        services.Configure<AccountOptions>(section);
        var accountOptions = section.Get<AccountOptions>() ?? new();

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/Account/Login";
            cookie.Cookie.Name = "IncidentPortal.Auth";
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                // A plain 403: the status-code page explains it, at the address the user asked for.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            cookie.Events.OnRedirectToLogin = context =>
            {
                if (context.Request.Path.StartsWithSegments("/api")) context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                else context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
        });
        services.AddAuthorization();

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = accountOptions.MaxFailedAccessAttempts;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(accountOptions.LockoutMinutes);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
        // Role changes and locks reach a signed-in user's cookie within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = PasswordHashIterations);
        services.AddScoped<AccountService>();


        services.AddSingleton<IStartupSeeder, RoleSeeder>();
        builder.AddSignInRateLimit(accountOptions);
        return builder;
    }

    /// <summary>Runs after any other seeder, so demo data can supply the admin first.</summary>
    public static WebApplicationBuilder AddAdminBootstrap(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IStartupSeeder, AdminBootstrapper>();
        return builder;
    }
}

using IncidentPortal.Components;
using Radzen;

namespace IncidentPortal.Infrastructure.Web;

public static class WebSetup
{
    public static WebApplicationBuilder AddWebUi(this WebApplicationBuilder builder)
    {
        // Serve the Radzen and scoped-CSS assets from the build output in every environment, not only Development.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddRadzenComponents();
        builder.Services.AddRadzenCookieThemeService(options =>
        {
            options.Name = "IncidentPortal.Theme";
            options.Duration = TimeSpan.FromDays(365);
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        return builder;
    }

    public static WebApplication UseWebUi(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        return app;
    }

    public static WebApplication MapWebUi(this WebApplication app)
    {
        app.MapBlazorClientScript();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        return app;
    }
}

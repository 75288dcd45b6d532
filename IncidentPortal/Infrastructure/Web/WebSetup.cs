using IncidentPortal.Components;
using MudBlazor;
using MudBlazor.Services;

namespace IncidentPortal.Infrastructure.Web;

public static class WebSetup
{
    public static WebApplicationBuilder AddWebUi(this WebApplicationBuilder builder)
    {
        // Serve MudBlazor's and the scoped-CSS assets from the build output in every environment, not only Development.
        builder.WebHost.UseStaticWebAssets();
        // Text boxes hold up to 8,000 characters (x3 bytes in UTF-8, plus framing): SignalR's 32 KB default would
        // drop the circuit on a long paste, so allow what the forms allow and no more.
        builder.Services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = 64 * 1024);
        builder.Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            options.SnackbarConfiguration.PreventDuplicates = false;
            options.SnackbarConfiguration.ShowCloseIcon = true;
            options.SnackbarConfiguration.VisibleStateDuration = 5000;
            options.SnackbarConfiguration.ShowTransitionDuration = 200;
            options.SnackbarConfiguration.HideTransitionDuration = 200;
        });
        builder.Services.AddSingleton(TimeProvider.System);
        // One configured sanitizer for every piece of HTML made from user text (Markdown renderings).
        builder.Services.AddSingleton<UserHtmlSanitizer>();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<UnhandledProblems>();
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
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        return app;
    }
}

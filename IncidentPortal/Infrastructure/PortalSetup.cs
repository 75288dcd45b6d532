using Microsoft.Extensions.Options;

namespace IncidentPortal.Infrastructure;

public static class PortalSetup
{
    /// <summary>The portal's public address (<see cref="PortalOptions"/>), the one base of every absolute link it sends.</summary>
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        // Bound from the final configuration (not builder.Configuration now), so test hosts' settings count too.
        builder.Services.AddOptions<PortalOptions>().Configure<IConfiguration>(PortalOptions.Bind);
        builder.Services.AddHostedService<PortalUrlMovedNotice>();
        return builder;
    }
}

/// <summary>Says once at start-up that the address still comes from an old key, so the operator moves it.</summary>
internal sealed class PortalUrlMovedNotice(IConfiguration config, IOptions<PortalOptions> options, ILogger<PortalUrlMovedNotice> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (PortalOptions.MovedKeyInUse(config) is { } moved)
            logger.LogWarning("{Moved} has moved to Portal:PublicUrl; its value {Url} is used until Portal:PublicUrl is set.",
                moved, options.Value.BaseUrl);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

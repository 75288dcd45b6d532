using Microsoft.Extensions.Options;

namespace IncidentPortal.Features.StatusPage;

/// <summary>
/// Starts and ends scheduled maintenance on time, every <see cref="StatusPageOptions.SchedulerSeconds"/>. Safe with
/// several app instances: each window's version is a concurrency token, so only one instance moves it.
/// </summary>
public sealed class MaintenanceScheduler(StatusService status, IOptions<StatusPageOptions> options, TimeProvider clock,
    ILogger<MaintenanceScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.SchedulerSeconds)), clock);
        do
        {
            try
            {
                var moved = await status.AdvanceMaintenanceAsync(clock.GetUtcNow().UtcDateTime, stoppingToken);
                if (moved > 0) logger.LogInformation("Moved {Count} maintenance window(s) on schedule.", moved);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database hiccup must not stop the loop for good; the next tick tries again.
                logger.LogWarning(ex, "Advancing scheduled maintenance failed.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

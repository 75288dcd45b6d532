using Microsoft.Extensions.Options;

namespace IncidentPortal.Features.Incidents;

/// <summary>
/// Closes incidents that have stayed Resolved longer than <see cref="IncidentOptions.AutoCloseAfterDays"/>: once at
/// start-up, then every <see cref="CheckInterval"/>. Closing is done by the system (no actor) and publishes events,
/// so open pages see it.
/// </summary>
public sealed class IncidentAutoCloser(IncidentService incidents, IOptions<IncidentOptions> options, TimeProvider clock,
    ILogger<IncidentAutoCloser> logger) : BackgroundService
{
    /// <summary>Often enough that "after 7 days" is accurate to the quarter hour; the query is one index seek.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromMinutes(15);

    /// <summary>Closes what is due now; returns how many incidents it closed.</summary>
    public async Task<int> CloseDueAsync(CancellationToken ct = default)
    {
        var days = options.Value.AutoCloseAfterDays;
        if (days <= 0) return 0;
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-days);
        var closed = await incidents.CloseResolvedBeforeAsync(cutoff, $"Closed automatically: resolved for more than {Infrastructure.Text.Plural.Count(days, "day")}", ct);
        if (closed > 0) logger.LogInformation("Closed {Count} incident(s) resolved for more than {Days} days.", closed, days);
        return closed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.AutoCloseAfterDays <= 0) return;
        using var timer = new PeriodicTimer(CheckInterval, clock);
        do
        {
            try
            {
                await CloseDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database hiccup must not stop the loop for good; the next tick tries again.
                logger.LogWarning(ex, "Auto-closing resolved incidents failed.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

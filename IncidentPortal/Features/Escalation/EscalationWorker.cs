using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IncidentPortal.Features.Escalation;

public sealed class EscalationOptions
{
    public const string Section = "Escalation";
    /// <summary>How often the worker looks for due policy steps; the shortest useful step wait.</summary>
    public double WatchSeconds { get; set; } = 10;
    public int WatchBatch { get; set; } = 200;
}

/// <summary>
/// Runs the escalation policies. Its state is the runs' rows (<see cref="EscalationRun.NextFireAt"/>), so a restart
/// resumes where it stopped (a step that fell due meanwhile fires on the first pass) and any number of app instances may
/// run it: <see cref="EscalationStepper"/> lets exactly one of them commit each step.
/// </summary>
public sealed class EscalationWorker(IDbContextFactory<AppDbContext> dbFactory, EscalationStepper stepper, TimeProvider clock,
    IOptions<EscalationOptions> options, ILogger<EscalationWorker> logger) : BackgroundService
{
    /// <summary>One pass over the due runs; returns how many steps this instance committed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<int> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            due = await db.EscalationRuns.AsNoTracking().Where(r => r.NextFireAt <= now).OrderBy(r => r.NextFireAt)
                .Take(options.Value.WatchBatch).Select(r => r.Id).ToListAsync(ct);
        var fired = 0;
        foreach (var id in due)
        {
            try
            {
                if (await stepper.FireAsync(id, ct)) fired++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Nothing was committed for this run, so it is still due: the next pass tries again.
                logger.LogWarning(ex, "Escalation run {RunId} could not fire its step.", id);
            }
        }
        return fired;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(0.2, options.Value.WatchSeconds)));
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The escalation worker's pass failed.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

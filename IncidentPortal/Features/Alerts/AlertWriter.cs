using System.Threading.Channels;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Integrations;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace IncidentPortal.Features.Alerts;

/// <summary>
/// The single writer of alerts (group commit). Requests queue their signals; the loop takes everything waiting (up
/// to <see cref="MaxBatchSignals"/>), applies it in one transaction and completes each request only after the commit,
/// so a 202 always means stored. One fsync serves hundreds of requests instead of one each. Should a batch fail,
/// its requests are retried one by one, so one bad request fails alone.
/// </summary>
public sealed class AlertWriter(IDbContextFactory<AppDbContext> dbFactory, IncidentService incidents, AlertFollowUps followUps,
    IEventBus events, TimeProvider clock, ILogger<AlertWriter> logger) : BackgroundService
{
    public const int MaxBatchSignals = 2000;
    private readonly AlertWriterConnection connection = new();
    private readonly Channel<AlertSubmission> queue = Channel.CreateBounded<AlertSubmission>(
        new BoundedChannelOptions(50_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Stores the signals; returns what became of each once they are committed.</summary>
    public async Task<IReadOnlyList<SignalOutcome>> SubmitAsync(ActiveIntegration integration, IReadOnlyList<AlertSignal> signals,
        CancellationToken ct)
    {
        var submission = new AlertSubmission(integration, signals);
        await queue.Writer.WriteAsync(submission, ct);
        return await submission.Done.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<AlertSubmission>();
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                var signals = 0;
                while (signals < MaxBatchSignals && queue.Reader.TryRead(out var submission))
                {
                    batch.Add(submission);
                    signals += submission.Signals.Count;
                }
                await WriteAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        finally
        {
            queue.Writer.TryComplete();
            var stopped = new OperationCanceledException("The portal is shutting down.");
            foreach (var waiting in batch) waiting.Done.TrySetException(stopped);
            while (queue.Reader.TryRead(out var left)) left.Done.TrySetException(stopped);
            await connection.DisposeAsync();
        }
    }

    private async Task WriteAsync(List<AlertSubmission> batch, CancellationToken ct)
    {
        try
        {
            await CommitAsync(batch, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException && batch.Count > 1)
        {
            await connection.ResetAsync();
            logger.LogWarning(e, "An alert batch of {Count} requests failed; retrying them one by one.", batch.Count);
            foreach (var submission in batch)
            {
                try { await CommitAsync([submission], ct); }
                catch (Exception one) when (one is not OperationCanceledException)
                {
                    await connection.ResetAsync();
                    logger.LogError(one, "Storing alerts for integration {Integration} failed.", submission.Integration.Id);
                    submission.Done.TrySetException(one);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await connection.ResetAsync();
            logger.LogError(e, "Storing alerts failed.");
            batch[0].Done.TrySetException(e);
        }
    }

    private async Task CommitAsync(IReadOnlyList<AlertSubmission> batch, CancellationToken ct)
    {
        foreach (var submission in batch) submission.Applied.Clear();
        var clock0 = System.Diagnostics.Stopwatch.GetTimestamp();
        AlertBatch work;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var rows = await connection.AttachAsync(db, ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            work = new AlertBatch(db, incidents, clock.GetUtcNow().UtcDateTime);
            await work.ApplyAsync(batch, ct);
            await work.SaveAsync(rows, transaction.GetDbTransaction(), ct);
            followUps.Enqueue(db, work.FollowUps.Select(f => f()).Distinct().ToList(), clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        foreach (var submission in batch) submission.Done.TrySetResult(submission.Outcomes());
        logger.LogDebug("Stored {Requests} requests ({Incidents} new incidents) in {Ms:0.0} ms.", batch.Count, work.CreatedIncidents.Count,
            System.Diagnostics.Stopwatch.GetElapsedTime(clock0).TotalMilliseconds);
        foreach (var incident in work.CreatedIncidents) await incidents.PublishCreatedAsync(incident);
        var incidentIds = work.Touched.Select(a => a.IncidentId).ToHashSet();
        if (incidentIds.Count > 0) await events.PublishAsync(new AlertsChanged(incidentIds));
    }
}

/// <summary>Alerts were stored for these incidents: lists and alert tabs reload.</summary>
public sealed record AlertsChanged(IReadOnlyCollection<int> IncidentIds);

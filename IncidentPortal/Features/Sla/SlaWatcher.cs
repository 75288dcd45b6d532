using IncidentPortal.Features.Time;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IncidentPortal.Features.Sla;

/// <summary>
/// Announces SLA warnings and breaches. All its state is in the database (<see cref="SlaClock.NextCheckAt"/>,
/// <see cref="SlaClock.WarnedAt"/>, <see cref="SlaClock.BreachedAt"/>), so a restart resumes where it stopped and a
/// moment that passed while no instance ran is announced on the next pass. Each announcement is claimed inside the
/// unit of work that writes the timeline entry and the notifications: the clock row and the incident both carry a
/// concurrency token, so when several instances race for the same clock exactly one commits and the others, retrying,
/// find it already announced and abandon. Nothing is published before that commit.
/// </summary>
public sealed class SlaWatcher(IDbContextFactory<AppDbContext> dbFactory, IncidentService incidents, Notifier notifier,
    IEventBus events, TimeProvider clock, IOptions<SlaOptions> options, ILogger<SlaWatcher> logger) : BackgroundService
{
    /// <summary>One pass: announces what is due now; returns how many announcements this instance made.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<long> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            due = await db.SlaClocks.AsNoTracking().Where(c => c.NextCheckAt <= now).OrderBy(c => c.NextCheckAt)
                .Take(options.Value.WatchBatch).Select(c => c.Id).ToListAsync(ct);
        var fired = 0;
        foreach (var id in due)
        {
            try
            {
                if (await AnnounceAsync(id, ct)) fired++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One bad incident must not block the others; its NextCheckAt is unchanged, so the next pass retries it.
                logger.LogWarning(ex, "Announcing SLA clock {ClockId} failed.", id);
            }
        }
        return fired;
    }

    private async Task<bool> AnnounceAsync(long clockId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        SlaClock? seen;
        double share;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            seen = await db.SlaClocks.AsNoTracking().SingleOrDefaultAsync(c => c.Id == clockId, ct);
            share = await db.SlaPolicies.Where(p => p.Id == seen!.PolicyId).Select(p => (double?)p.WarningFraction).SingleOrDefaultAsync(ct)
                ?? SlaPolicy.DefaultWarningFraction;
        }
        if (seen?.DueThreshold(now) is not { } threshold) return false;

        var stamped = Describe(seen, threshold, share);
        var text = TimeText.Localize(stamped, TimeZoneInfo.Utc); // the timeline is everyone's: UTC, named
        var batch = NotificationBatch.Empty;
        IncidentUpdated? updated;
        try
        {
            updated = await incidents.ChangeAsSystemAsync(seen.IncidentId, new RecordIncidentEvent(SlaClockWriter.Topic, text),
                async (db, incident, token) =>
                {
                    // The claim: re-read inside this unit of work; if another instance got here first, give up.
                    var claimed = await db.SlaClocks.SingleOrDefaultAsync(c => c.Id == clockId, token);
                    if (claimed?.DueThreshold(now) != threshold) return false;
                    claimed.MarkAnnounced(threshold, now);
                    batch = await notifier.AddAsync(db, await RecipientsAsync(db, incident, token),
                        new NotificationRequest(threshold == SlaThreshold.Breach ? NotificationKind.SlaBreach : NotificationKind.SlaWarning,
                            $"{incident.Reference}: {stamped}", incident.Title, $"/incidents/{incident.Id}", incident.Id), token);
                    return true;
                }, ct);
        }
        catch (IncidentNotFoundException)
        {
            return false;
        }
        if (updated is null) return false;
        await notifier.AnnounceAsync(batch);
        await events.PublishAsync(new SlaThresholdReached(seen.IncidentId, seen.Kind, threshold, now));
        logger.LogInformation("SLA {Threshold} for incident {IncidentId} ({Kind}).", threshold, seen.IncidentId, seen.Kind);
        return true;
    }

    /// <summary>The assignee; when nobody holds the incident, everyone in its team.</summary>
    private static async Task<List<string>> RecipientsAsync(AppDbContext db, Incident incident, CancellationToken ct)
    {
        if (incident.AssigneeId is { } assignee) return [assignee];
        if (incident.AssignmentGroupId is not { } teamId) return [];
        return await db.Teams.Where(t => t.Id == teamId).SelectMany(t => t.Members).Select(u => u.Id).ToListAsync(ct);
    }

    private static string Describe(SlaClock seen, SlaThreshold threshold, double share)
    {
        // Stamps, not text: the notifier writes each recipient's copy in their own zone.
        var target = TimeText.Duration(TimeSpan.FromMinutes(seen.TargetMinutes));
        var due = seen.DueAt is { } at ? TimeText.Stamp(at) : "—";
        return threshold == SlaThreshold.Breach
            ? $"{seen.Kind} SLA breached: the {target} target ({seen.Priority}) ran out at {due}"
            : $"{seen.Kind} SLA warning: {Math.Round(share * 100)} % of the {target} target ({seen.Priority}) used; due {due}";
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
                logger.LogWarning(ex, "The SLA watcher's pass failed; the next one tries again.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

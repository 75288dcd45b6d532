using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IncidentPortal.Features.Reviews;

/// <summary>
/// Reminds incident managers of resolved or closed incidents whose priority requires a review (<see cref="ReviewOptions"/>)
/// and that have none yet: once per <see cref="ReviewOptions.ReminderIntervalHours"/> per incident, until a review exists.
/// The last reminder is found in the notifications themselves (same link, same incident), so no extra bookkeeping.
/// </summary>
public sealed class ReviewReminder(IDbContextFactory<AppDbContext> dbFactory, Notifier notifier, IOptionsMonitor<ReviewOptions> options,
    TimeProvider clock, ILogger<ReviewReminder> logger) : BackgroundService
{
    private const int MaxPerRun = 50;
    /// <summary>One run at a time in this instance, or two overlapping runs would both find the same incidents due.</summary>
    private readonly SemaphoreSlim running = new(1, 1);

    /// <summary>Sends the reminders due now; returns how many incidents it reminded about.</summary>
    public async Task<int> RemindAsync(CancellationToken ct = default)
    {
        await running.WaitAsync(ct);
        try
        {
            return await RemindDueAsync(ct);
        }
        finally
        {
            running.Release();
        }
    }

    private async Task<int> RemindDueAsync(CancellationToken ct)
    {
        var settings = options.CurrentValue;
        var priorities = settings.RequiredPriorities().ToList();
        if (priorities.Count == 0) return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddHours(-settings.ReminderIntervalHours);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var managerRole = await db.Roles.Where(r => r.Name == Roles.IncidentManager).Select(r => r.Id).SingleOrDefaultAsync(ct);
        var managers = await db.UserRoles.Where(ur => ur.RoleId == managerRole).Select(ur => ur.UserId).ToListAsync(ct);
        if (managers.Count == 0) return 0;
        var due = await db.Incidents.AsNoTracking()
            .Where(i => (i.Status == IncidentStatus.Resolved || i.Status == IncidentStatus.Closed) && priorities.Contains(i.Priority))
            .Where(i => !db.IncidentReviews.Any(r => r.IncidentId == i.Id))
            .Where(i => !db.Notifications.Any(n => n.IncidentId == i.Id && n.Kind == NotificationKind.System && n.CreatedAt > since
                && n.Link == "/incidents/" + i.Id + "/review"))
            .OrderBy(i => i.ResolvedAt).Take(MaxPerRun)
            .Select(i => new { i.Id, i.Number, i.Title, i.Priority }).ToListAsync(ct);
        var batches = new List<NotificationBatch>();
        foreach (var incident in due)
        {
            var reference = Incident.FormatReference(incident.Number);
            batches.Add(await notifier.AddAsync(db, managers, new NotificationRequest(NotificationKind.System,
                $"Review needed: {reference}",
                $"{reference} {incident.Title} ({incident.Priority}) is resolved and has no post-incident review yet. {incident.Priority} incidents require one.",
                ReviewLinks.Review(incident.Id), incident.Id), ct));
        }
        await db.SaveChangesAsync(ct);
        foreach (var batch in batches) await notifier.AnnounceAsync(batch);
        return due.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.CurrentValue.CheckIntervalMinutes)), clock);
        do
        {
            try
            {
                var count = await RemindAsync(stoppingToken);
                if (count > 0) logger.LogInformation("Reminded incident managers of {Count} incident(s) that need a review.", count);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Reminding about missing reviews failed; trying again at the next tick.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

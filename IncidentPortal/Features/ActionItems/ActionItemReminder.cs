using IncidentPortal.Features.Notifications;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.ActionItems;

/// <summary>
/// Reminds owners of overdue action items, at most once per item per UTC day. Each reminder is claimed with a
/// conditional update of <see cref="ActionItem.LastRemindedAt"/> in the same transaction as the notification, so a
/// restart or a second app instance never sends it twice, and a crash before commit leaves it to be sent later.
/// </summary>
public sealed class ActionItemReminder(IDbContextFactory<AppDbContext> dbFactory, Notifier notifier, TimeProvider clock,
    ILogger<ActionItemReminder> logger) : BackgroundService
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromMinutes(30);

    /// <summary>Sends today's reminders that are still due; returns how many were sent by this call.</summary>
    public async Task<int> RemindDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = now.Date;
        List<int> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            due = await db.ActionItems.AsNoTracking()
                .Where(a => a.Status == ActionItemStatus.Open || a.Status == ActionItemStatus.InProgress)
                .Where(a => a.OwnerId != null && a.DueDate < today && (a.LastRemindedAt == null || a.LastRemindedAt < today))
                .Select(a => a.Id).ToListAsync(ct);
        }
        var sent = 0;
        foreach (var id in due)
            if (await RemindAsync(id, now, ct)) sent++;
        if (sent > 0) logger.LogInformation("Reminded owners of {Count} overdue action item(s).", sent);
        return sent;
    }

    private async Task<bool> RemindAsync(int itemId, DateTime now, CancellationToken ct)
    {
        var today = now.Date;
        NotificationBatch batch;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.ActionItems
                .Where(a => a.Id == itemId && (a.LastRemindedAt == null || a.LastRemindedAt < today))
                .Where(a => a.Status == ActionItemStatus.Open || a.Status == ActionItemStatus.InProgress)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.LastRemindedAt, now), ct);
            if (claimed == 0) return false; // another instance got there first, or the item was finished meanwhile
            var item = await db.ActionItems.AsNoTracking().Where(a => a.Id == itemId)
                .Select(a => new { a.OwnerId, a.Title, a.DueDate, a.IncidentId }).SingleAsync(ct);
            var days = (today - item.DueDate!.Value.Date).Days;
            batch = await notifier.AddAsync(db, [item.OwnerId!], new NotificationRequest(NotificationKind.ActionItem,
                $"Overdue action item: {item.Title}",
                $"This action item was due {Time.TimeText.Date(DateOnly.FromDateTime(item.DueDate.Value))} ({Infrastructure.Text.Plural.Count(days, "day")} ago). Finish it, or change its due date.",
                "/action-items", item.IncidentId), ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        await notifier.AnnounceAsync(batch);
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckInterval, clock);
        do
        {
            try
            {
                await RemindDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Reminding owners of overdue action items failed.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

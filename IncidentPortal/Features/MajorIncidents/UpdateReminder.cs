using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IncidentPortal.Features.MajorIncidents;

/// <summary>
/// Keeps the update rhythm (<see cref="CommunicationCadence"/>): when an update is due, the communications lead (or the
/// commander, when there is none) is reminded; when it is missed by more than the grace, the commander and the incident
/// managers are told. Each due time is claimed on the major incident itself (<see cref="MajorIncident.TakeReminder"/>,
/// optimistic concurrency), so a second app instance or a restart never sends it twice.
/// </summary>
public sealed class UpdateReminder(IDbContextFactory<AppDbContext> dbFactory, Notifier notifier, IEventBus events, TimeProvider clock,
    IOptionsMonitor<MajorIncidentOptions> options, ILogger<UpdateReminder> logger) : BackgroundService
{
    /// <summary>How often the rhythm is checked (<see cref="MajorIncidentOptions.ReminderCheckInterval"/> unless set).</summary>
    public TimeSpan? CheckInterval { get; init; }

    public async Task<int> RemindDueAsync(CancellationToken ct = default)
    {
        var settings = options.CurrentValue;
        var now = clock.GetUtcNow().UtcDateTime;
        List<int> running;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            running = await db.MajorIncidents.AsNoTracking()
                .Where(m => m.State == MajorIncidentState.Declared || m.State == MajorIncidentState.Mitigated)
                .Select(m => m.Id).ToListAsync(ct);
        }
        var sent = 0;
        foreach (var id in running)
        {
            try
            {
                if (await RemindAsync(id, settings, now, ct)) sent++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone changed it (or another instance claimed this reminder) meanwhile: the next check decides again.
            }
        }
        return sent;
    }

    private async Task<bool> RemindAsync(int majorId, MajorIncidentOptions settings, DateTime now, CancellationToken ct)
    {
        NotificationBatch batch;
        int incidentId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var major = await db.MajorIncidents.Include(m => m.Roles).SingleAsync(m => m.Id == majorId, ct);
            if (CommunicationCadence.At(major, settings, now) is not { } cadence || !major.TakeReminder(cadence)) return false;
            incidentId = major.IncidentId;
            var reference = await db.Incidents.Where(i => i.Id == incidentId).Select(i => i.Number).SingleAsync(ct);
            var name = $"{Incident.FormatReference(reference)} ({MajorIncidentText.Label(major.Severity!.Value)})";
            var lead = major.Holder(ResponseRole.CommunicationsLead) ?? major.Commander;
            List<string> recipients = [.. new[] { lead?.UserId }.OfType<string>()];
            string title;
            if (cadence.Stage == CadenceStage.Overdue)
            {
                recipients.AddRange(await (from ur in db.UserRoles
                                           join r in db.Roles on ur.RoleId equals r.Id
                                           where r.Name == Roles.IncidentManager
                                           select ur.UserId).ToListAsync(ct));
                if (major.Commander is { } commander) recipients.Add(commander.UserId);
                title = $"Update missed on major incident {name}: {CommunicationCadence.Countdown(cadence.Remaining)}";
            }
            else
            {
                title = $"Update due now on major incident {name}";
            }
            batch = await notifier.AddAsync(db, recipients, new NotificationRequest(NotificationKind.Escalation, title,
                "Stakeholders expect an update on a fixed rhythm: publish one from the war room.", $"incidents/{incidentId}", incidentId), ct);
            await db.SaveChangesAsync(ct);
        }
        await notifier.AnnounceAsync(batch);
        await events.PublishAsync(new MajorIncidentChanged(majorId, incidentId));
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = CheckInterval ?? options.CurrentValue.ReminderCheckInterval;
        using var timer = new PeriodicTimer(interval > TimeSpan.Zero ? interval : TimeSpan.FromSeconds(15), clock);
        do
        {
            try
            {
                await RemindDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Reminding of due major-incident updates failed.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IncidentPortal.Features.MajorIncidents;

/// <summary>
/// After each new incident, checks its service for a surge (<see cref="SurgeDetector"/>) and tells the incident managers
/// "possible major incident on VPN: 5 reports in 10 minutes" with a link that declares and links them in one step.
/// They are told when the count reaches the threshold, not again for every further report of the same surge.
/// </summary>
internal sealed class SurgeWatcher(IEventBus events, IDbContextFactory<AppDbContext> dbFactory, Notifier notifier, TimeProvider clock,
    IOptionsMonitor<MajorIncidentOptions> options, ILogger<SurgeWatcher> logger) : IHostedService
{
    private IDisposable? subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        subscription = events.Subscribe<IncidentCreated>(e => CheckAsync(e.IncidentId));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        return Task.CompletedTask;
    }

    internal async Task<Surge?> CheckAsync(int incidentId, CancellationToken ct = default)
    {
        try
        {
            var settings = options.CurrentValue;
            var now = clock.GetUtcNow().UtcDateTime;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var serviceId = await db.Incidents.Where(i => i.Id == incidentId).Select(i => i.ServiceId).SingleOrDefaultAsync(ct);
            if (serviceId is not { } service) return null;
            var since = now - settings.SurgeWindow;
            var recent = await db.Incidents.Where(i => i.ServiceId == service && i.CreatedAt > since && i.CreatedAt <= now)
                .Select(i => new { Report = new RecentReport(i.Id, service, i.Service!.Name, i.CreatedAt), i.Number }).ToListAsync(ct);
            var reports = recent.Select(r => r.Report).ToList();
            // Exactly at the threshold: the managers hear of a surge once, when it becomes one.
            if (reports.Count != settings.SurgeCount) return null;
            var covered = await db.MajorIncidents
                .Where(m => m.State == MajorIncidentState.Declared || m.State == MajorIncidentState.Mitigated)
                .Join(db.Incidents, m => m.IncidentId, i => i.Id, (m, i) => i.ServiceId)
                .Where(s => s == service).Select(s => s!.Value).ToListAsync(ct);
            var surge = SurgeDetector.Find(reports, settings.SurgeCount, settings.SurgeWindow, now, covered.ToHashSet()).SingleOrDefault();
            if (surge is null) return null;

            var managers = await (from ur in db.UserRoles
                                  join r in db.Roles on ur.RoleId equals r.Id
                                  where r.Name == Roles.IncidentManager
                                  select ur.UserId).Distinct().ToListAsync(ct);
            var ids = string.Join(',', surge.IncidentIds);
            var references = recent.Where(r => surge.IncidentIds.Contains(r.Report.IncidentId)).OrderBy(r => r.Number)
                .Select(r => Incident.FormatReference(r.Number));
            await notifier.NotifyAsync(managers, new NotificationRequest(NotificationKind.Escalation, surge.Message(settings.SurgeWindow),
                $"Reports: {string.Join(", ", references)}. Declare a major incident and link them in one step.",
                $"/major-incidents/new?service={service}&link={ids}", surge.IncidentIds[^1]), ct);
            return surge;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A missed hint must not disturb reporting: the reports themselves are stored.
            logger.LogWarning(ex, "Surge check after incident {IncidentId} failed.", incidentId);
            return null;
        }
    }
}

using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.MajorIncidents;

/// <summary>
/// Tells the incident managers that an incident was proposed as a major incident (they decide), and the proposer how
/// they decided. Runs on <see cref="MajorIncidentChanged"/>: the change that proposed, accepted or rejected wrote the
/// newest lifecycle entry of the log, so any later change (a note, a role) is never taken for the decision again.
/// </summary>
internal sealed class ProposalNotices(IEventBus events, IDbContextFactory<AppDbContext> dbFactory, Notifier notifier,
    ILogger<ProposalNotices> logger) : IHostedService
{
    // The entries MajorIncident writes for a proposal and its outcome.
    private const string Proposed = "Proposed as a major incident", Accepted = "Accepted the proposal", Rejected = "Rejected the proposal";

    private readonly HashSet<long> told = [];
    private IDisposable? subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        subscription = events.Subscribe<MajorIncidentChanged>(e => TellAsync(e.MajorIncidentId));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        return Task.CompletedTask;
    }

    internal async Task TellAsync(int majorId, CancellationToken ct = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var log = db.Set<ResponseLogEntry>().Where(e => EF.Property<int>(e, "MajorIncidentId") == majorId);
            // One change writes its entries at one time; the decision is among the newest change's entries or not at all.
            var lastChange = await log.MaxAsync(e => (DateTime?)e.At, ct);
            var latest = (await log.Where(e => e.At == lastChange && e.Kind == LogEntryKind.Lifecycle)
                    .Select(e => new { e.Id, e.Text, e.ActorId, e.ActorName }).ToListAsync(ct))
                .Where(e => e.Text.StartsWith(Proposed, StringComparison.Ordinal) || e.Text.StartsWith(Accepted, StringComparison.Ordinal) || e.Text.StartsWith(Rejected, StringComparison.Ordinal))
                .MaxBy(e => e.Id);
            if (latest is null) return;
            lock (told)
            {
                // An event that wrote nothing new (a pin) finds the same entry: it was told already.
                if (!told.Add(latest.Id)) return;
            }
            var major = await db.MajorIncidents.AsNoTracking().Include(m => m.Roles).SingleAsync(m => m.Id == majorId, ct);
            var number = await db.Incidents.Where(i => i.Id == major.IncidentId).Select(i => i.Number).SingleAsync(ct);
            var reference = Incident.FormatReference(number);
            if (latest.Text.StartsWith(Proposed, StringComparison.Ordinal))
            {
                var managers = await (from ur in db.UserRoles
                                      join r in db.Roles on ur.RoleId equals r.Id
                                      where r.Name == Roles.IncidentManager && ur.UserId != latest.ActorId
                                      select ur.UserId).Distinct().ToListAsync(ct);
                await notifier.NotifyAsync(managers, new NotificationRequest(NotificationKind.Escalation,
                    $"{reference} proposed as a major incident", $"{latest.ActorName}: {major.ProposalReason} Accept or reject it on the incident.",
                    $"/incidents/{major.IncidentId}", major.IncidentId), ct);
            }
            else if (major.ProposedById != latest.ActorId)
            {
                var request = latest.Text.StartsWith(Accepted, StringComparison.Ordinal)
                    ? new NotificationRequest(NotificationKind.System,
                        $"{reference} is now a {MajorIncidentText.Label(major.Severity!.Value)} major incident",
                        $"{latest.ActorName} accepted your proposal; {major.Commander?.Name} is the incident commander.",
                        $"/major-incidents/{major.Id}", major.IncidentId)
                    : new NotificationRequest(NotificationKind.System, $"{reference} was not declared a major incident",
                        $"{latest.ActorName} rejected your proposal: {major.RejectionReason}", $"/incidents/{major.IncidentId}", major.IncidentId);
                await notifier.NotifyAsync([major.ProposedById], request, ct);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The decision itself is stored; a missed notice must not undo or disturb it.
            logger.LogWarning(ex, "Could not tell about the proposal of major incident {MajorId}.", majorId);
        }
    }
}

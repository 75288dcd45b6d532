using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.StatusPage;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IncidentPortal.Features.MajorIncidents;

/// <summary>
/// Passes a major incident's public updates — its status-page updates and the public comments on its incident — to the
/// reporters of its open children, as public comments on their own incidents (so they are notified as for any reply).
/// Each update is claimed once on the major incident before it is passed on; a child only gets updates written after it
/// was linked. Off when "MajorIncidents:ForwardPublicUpdates" is false.
/// </summary>
internal sealed class ChildUpdateForwarder(IEventBus events, IDbContextFactory<AppDbContext> dbFactory, IncidentService incidents,
    IOptionsMonitor<MajorIncidentOptions> options, ILogger<ChildUpdateForwarder> logger) : IHostedService, IDisposable
{
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private readonly List<IDisposable> subscriptions = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        subscriptions.Add(events.Subscribe<StatusPageChanged>(_ => ForwardAllAsync()));
        subscriptions.Add(events.Subscribe<IncidentUpdated>(e => e.HasPublicChange ? ForwardAllAsync() : Task.CompletedTask));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var subscription in subscriptions) subscription.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => oneAtATime.Dispose();

    /// <summary>
    /// Forwards what is pending on every running major incident. Calls while a pass runs (including those caused by the
    /// pass's own comments on children) only ask it to look again, so passes never overlap and never wait on each other.
    /// </summary>
    internal async Task ForwardAllAsync(CancellationToken ct = default)
    {
        if (!options.CurrentValue.ForwardPublicUpdates) return;
        Interlocked.Exchange(ref lookAgain, 1);
        while (Volatile.Read(ref lookAgain) == 1 && await oneAtATime.WaitAsync(0, ct))
        {
            try
            {
                while (Interlocked.Exchange(ref lookAgain, 0) == 1) await PassAsync(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The update itself is published; a reporter missing its copy must not fail the publisher.
                logger.LogWarning(ex, "Passing major incident updates on to linked incidents failed.");
            }
            finally
            {
                oneAtATime.Release();
            }
        }
    }

    private int lookAgain;

    private async Task PassAsync(CancellationToken ct)
    {
        List<int> majors;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            majors = await db.MajorIncidents
                .Where(m => m.State == MajorIncidentState.Declared || m.State == MajorIncidentState.Mitigated || m.State == MajorIncidentState.Resolved)
                .Where(m => db.MajorIncidentLog.Any(e => EF.Property<int>(e, "MajorIncidentId") == m.Id && e.Kind == LogEntryKind.PublicUpdate && e.Id > m.ForwardedLogId)
                    || db.IncidentActivities.Any(a => a.IncidentId == m.IncidentId && a.Kind == ActivityKind.PublicComment && a.Id > m.ForwardedActivityId
                        && a.At >= m.DeclaredAt))
                .Select(m => m.Id).ToListAsync(ct);
        }
        foreach (var majorId in majors) await ForwardAsync(majorId, ct);
    }

    private async Task ForwardAsync(int majorId, CancellationToken ct)
    {
        List<(DateTime At, string Text)> updates;
        List<LinkedIncident> children;
        string reference;
        int incidentId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var major = await db.MajorIncidents.Include(m => m.Log).Include(m => m.Children).AsSplitQuery().SingleAsync(m => m.Id == majorId, ct);
            incidentId = major.IncidentId;
            reference = Incident.FormatReference(await db.Incidents.Where(i => i.Id == major.IncidentId).Select(i => i.Number).SingleAsync(ct));
            var logs = major.Log.Where(e => e.Kind == LogEntryKind.PublicUpdate && e.Id > major.ForwardedLogId).ToList();
            var comments = await db.IncidentActivities.AsNoTracking()
                .Where(a => a.IncidentId == major.IncidentId && a.Kind == ActivityKind.PublicComment && a.Id > major.ForwardedActivityId
                    && a.At >= major.DeclaredAt)
                .Select(a => new { a.Id, a.At, a.Text }).ToListAsync(ct);
            if (logs.Count == 0 && comments.Count == 0) return;
            major.MarkForwarded(logs.Select(e => e.Id).DefaultIfEmpty(major.ForwardedLogId).Max(),
                comments.Select(c => c.Id).DefaultIfEmpty(major.ForwardedActivityId).Max());
            // Claimed before passing on: a concurrent claim fails here, so no reporter reads an update twice.
            await db.SaveChangesAsync(ct);
            updates = [.. logs.Select(e => (e.At, e.Text)).Concat(comments.Select(c => (c.At, c.Text ?? ""))).OrderBy(u => u.At)];
            children = [.. major.Children];
        }
        foreach (var child in children)
        {
            foreach (var update in updates.Where(u => u.At >= child.LinkedAt))
            {
                try
                {
                    var text = $"Update on {reference}, the major incident your report is part of:\n\n{update.Text}";
                    await incidents.ChangeAsSystemAsync(child.IncidentId, new AddComment(text[..Math.Min(text.Length, Incident.MaxTextLength)], IsPublic: true),
                        (_, incident, _) => Task.FromResult(incident.IsOpen), ct);
                }
                catch (IncidentRuleException ex)
                {
                    logger.LogInformation("Update of {Reference} not passed on to incident {IncidentId}: {Reason}", reference, child.IncidentId, ex.Message);
                }
            }
        }
        await events.PublishAsync(new MajorIncidentChanged(majorId, incidentId));
    }
}

using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Incidents.Pages;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Features.Sla;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Escalation;

/// <summary>
/// Fires one due step of one run. The decision is made on a copy read beforehand (for the timeline's wording and the
/// recipients), then made again on the tracked row inside the incident's unit of work: the step's notifications, its
/// timeline entry and the run's advance commit together, and the run's <see cref="EscalationRun.Version"/> makes the
/// save fail for every instance but the first. A crash before the commit leaves the run due: nothing was sent.
/// </summary>
public sealed class EscalationStepper(IDbContextFactory<AppDbContext> dbFactory, IncidentService incidents,
    EscalationWriter writer, TimeProvider clock)
{
    /// <summary>True when this call committed the step (false: not due, or another instance had it).</summary>
    public async Task<bool> FireAsync(int runId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        EscalationRun copy;
        EscalationPolicy policy;
        string text;
        List<Recipient> people = [];
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            copy = await db.EscalationRuns.AsNoTracking().SingleAsync(r => r.Id == runId, ct);
            if (!copy.IsActive || copy.NextFireAt > now) return false;
            policy = await db.EscalationPolicies.AsNoTracking().Include(p => p.Steps).ThenInclude(s => s.Targets)
                .SingleAsync(p => p.Id == copy.PolicyId, ct);
            var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == copy.IncidentId)
                .Select(i => new { i.Status, i.Priority, i.AssignmentGroupId }).SingleAsync(ct);
            var version = copy.Version;
            if (!IncidentLifecycle.IsOpen(incident.Status))
            {
                text = $"Policy \"{policy.Name}\" stopped paging: the incident is {IncidentText.Label(incident.Status)}";
                return await CommitAsync(copy.IncidentId, runId, version, text, run => run.Stop(now), null, ct);
            }
            var deferUntil = await EscalationHours.DeferUntilAsync(db, incident.AssignmentGroupId, incident.Priority, policy.OffHours, now, ct);
            var step = copy.Fire(policy, now, deferUntil);
            if (step is RunStep.Notify notify) people = await EscalationTargets.StepAsync(db, notify.Step, clock.GetUtcNow(), ct);
            text = Describe(policy, step, people, now);
            if (step is RunStep.NotDue) return false;
            return await CommitAsync(copy.IncidentId, runId, version, text, run => run.Fire(policy, now, deferUntil),
                step is RunStep.Notify n ? (db2, incident2, token) => writer.NotifyAsync(db2, people, incident2,
                    $"Paging: {incident2.Reference} {incident2.Title}",
                    $"Policy \"{policy.Name}\", step {n.Index + 1} of {n.StepCount}. Acknowledge on the incident to stop the paging.", token)
                : null, ct);
        }
    }

    private async Task<bool> CommitAsync(int incidentId, int runId, int version, string text, Action<EscalationRun> advance,
        Func<AppDbContext, Incident, CancellationToken, Task<NotificationBatch>>? notify, CancellationToken ct)
    {
        NotificationBatch? batch = null;
        var updated = await incidents.ChangeAsSystemAsync(incidentId, new RecordIncidentEvent(EscalationWriter.Topic, text),
            async (db, incident, token) =>
            {
                batch = null;
                var run = await db.EscalationRuns.SingleAsync(r => r.Id == runId, token);
                if (run.Version != version) return false; // another instance committed this step first
                advance(run);
                if (notify is not null) batch = await notify(db, incident, token);
                return true;
            }, ct);
        if (updated is null) return false;
        await writer.AnnounceAsync(batch);
        return true;
    }

    private static string Describe(EscalationPolicy policy, RunStep step, IReadOnlyCollection<Recipient> people, DateTime now) => step switch
    {
        RunStep.Notify n => $"Policy \"{policy.Name}\", step {n.Index + 1} of {n.StepCount}" +
            (n.Rounds > 1 ? $" (round {n.Round + 1} of {n.Rounds})" : "") +
            $": notified {EscalationTargets.Names(people)}; " +
            (n.Index + 1 < n.StepCount || n.Round + 1 < n.Rounds ? "next step" : "the policy ends") +
            $" in {IncidentFormat.Duration(n.NextAt - now)} unless acknowledged",
        RunStep.Deferred d => $"Policy \"{policy.Name}\", step {d.Index + 1} of {d.StepCount} waits for business hours " +
            $"(opens {Time.TimeText.Utc(d.Until)})",
        RunStep.Exhausted e => $"Policy \"{policy.Name}\" ended: nobody acknowledged after {Infrastructure.Text.Plural.Count(e.Rounds, "round")}",
        _ => "",
    };
}

/// <summary>The business-hours decision for a policy step, in one place.</summary>
internal static class EscalationHours
{
    /// <summary>Null when the step may notify now; otherwise when the team's business hours next open.</summary>
    public static async Task<DateTime?> DeferUntilAsync(AppDbContext db, int? teamId, Priority priority, OffHoursRule rule, DateTime now,
        CancellationToken ct)
    {
        if (EscalationPolicy.NotifiesOffHours(rule, priority) || teamId is null) return null;
        var calendarId = await db.TeamEscalations.Where(t => t.TeamId == teamId).Select(t => t.CalendarId).FirstOrDefaultAsync(ct);
        if (calendarId is null) return null;
        var calendar = await db.BusinessCalendars.AsNoTracking().Include(c => c.Periods).Include(c => c.Holidays)
            .SingleAsync(c => c.Id == calendarId, ct);
        return BusinessHours.IsOpen(calendar, now) ? null : BusinessHours.NextOpen(calendar, now);
    }
}

using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Escalation;

/// <summary>
/// The escalations themselves, written into the caller's unit of work (a person's change or a system change), so
/// the timeline entry, the escalation record and the notifications commit together or not at all.
/// </summary>
public sealed class EscalationWriter(Notifier notifier, TimeProvider clock)
{
    public const string Topic = "Escalation";

    /// <summary>Records a functional escalation; the caller has already reassigned the incident to <paramref name="toTeam"/>.</summary>
    public async Task<NotificationBatch> FunctionalAsync(AppDbContext db, Incident incident, ChangeContext by, int? fromTeamId,
        string toTeam, string reason, CancellationToken ct)
    {
        incident.RecordEvent(by, Topic, $"Escalated to {toTeam} (functional): {reason}");
        db.IncidentEscalations.Add(new IncidentEscalation
        {
            IncidentId = incident.Id, Kind = EscalationKind.Functional, FromTeamId = fromTeamId, ToTeamId = incident.AssignmentGroupId,
            Reason = reason, ById = by.ActorId, At = by.At,
        });
        var members = await EscalationTargets.TeamAsync(db, incident.AssignmentGroupId!.Value, clock.GetUtcNow(), ct);
        return await NotifyAsync(db, members.Where(m => m.UserId != by.ActorId), incident,
            $"{incident.Reference} escalated to {toTeam}", $"{incident.Title}\nReason: {reason}", ct);
    }

    /// <summary>Who a hierarchical escalation reaches, and how the timeline names them; empty when there is nobody.</summary>
    public async Task<(List<Recipient> People, string Who)> HierarchicalTargetsAsync(AppDbContext db, int? teamId, HierarchicalTarget target,
        CancellationToken ct)
    {
        var people = target == HierarchicalTarget.TeamLead
            ? await EscalationTargets.LeadAsync(db, teamId, clock.GetUtcNow(), ct)
            : await EscalationTargets.IncidentManagersAsync(db, clock.GetUtcNow(), ct);
        return (people, target == HierarchicalTarget.TeamLead ? $"the team lead, {people.FirstOrDefault()?.Name}" : "the incident managers");
    }

    public static string HierarchicalText(string who, string reason) => $"Escalated to {who} (hierarchical): {reason}";

    /// <summary>Records a hierarchical escalation (the caller's command wrote <see cref="HierarchicalText"/>) and notifies.</summary>
    public Task<NotificationBatch> HierarchicalAsync(AppDbContext db, Incident incident, ChangeContext by, HierarchicalTarget target,
        IReadOnlyList<Recipient> people, string reason, CancellationToken ct)
    {
        db.IncidentEscalations.Add(new IncidentEscalation
        {
            IncidentId = incident.Id, Kind = EscalationKind.Hierarchical, Target = target, FromTeamId = incident.AssignmentGroupId,
            Reason = reason, ById = by.ActorId, At = by.At,
        });
        return NotifyAsync(db, people.Where(p => p.UserId != by.ActorId), incident,
            $"{incident.Reference} escalated to you", $"{incident.Title}\nReason: {reason}", ct);
    }

    public static string StartText(string policyName, string reason) => $"Paging with policy \"{policyName}\": {reason}";

    /// <summary>Starts paging (the caller's command wrote <see cref="StartText"/>) unless a page is already running: then false.</summary>
    public static async Task<bool> StartRunAsync(AppDbContext db, Incident incident, ChangeContext by, int policyId, string reason,
        CancellationToken ct)
    {
        if (await db.EscalationRuns.AnyAsync(r => r.IncidentId == incident.Id && r.FinishedAt == null, ct)) return false;
        db.EscalationRuns.Add(EscalationRun.Start(incident.Id, policyId, reason, by.ActorId, by.At));
        return true;
    }

    public Task<NotificationBatch> NotifyAsync(AppDbContext db, IEnumerable<Recipient> people, Incident incident, string title,
        string? body, CancellationToken ct) =>
        notifier.AddAsync(db, people.Select(p => p.UserId).ToList(),
            new NotificationRequest(NotificationKind.Escalation, title, body, $"/incidents/{incident.Id}#escalation", incident.Id), ct);

    public Task AnnounceAsync(NotificationBatch? batch) => batch is null ? Task.CompletedTask : notifier.AnnounceAsync(batch);
}

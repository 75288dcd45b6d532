using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Escalation;

public sealed record EscalationRequest(EscalationKind Kind, int? ToTeamId, HierarchicalTarget? Target, string Reason);

/// <summary>Null error: done. Otherwise the message, and the field it belongs to (null: the whole request).</summary>
public sealed record EscalationResult(string? Field, string? Error)
{
    public bool Succeeded => Error is null;
    public static readonly EscalationResult Done = new(null, null);
    public static EscalationResult Invalid(string field, string message) => new(field, message);
    public static EscalationResult Refused(string message) => new(null, message);
}

/// <summary>What agents do by hand: escalate (functional or hierarchical), page with a policy, acknowledge a page.</summary>
public sealed class EscalationService(IDbContextFactory<AppDbContext> dbFactory, IncidentService incidents, EscalationWriter writer)
{
    public const string ReasonField = "Reason";
    public const string TeamField = "Team";
    public const string TargetField = "Target";
    public const string PolicyField = "Policy";

    public async Task<EscalationResult> EscalateAsync(Actor actor, int incidentId, EscalationRequest request, CancellationToken ct = default)
    {
        RequireStaff(actor);
        var reason = (request.Reason ?? "").Trim();
        if (reason.Length == 0) return EscalationResult.Invalid(ReasonField, "Say why you are escalating.");
        if (reason.Length > IncidentEscalation.MaxReasonLength)
            return EscalationResult.Invalid(ReasonField, $"Keep the reason under {IncidentEscalation.MaxReasonLength} characters.");
        NotificationBatch? batch = null;
        return await RunAsync(async () =>
        {
            if (request.Kind == EscalationKind.Functional)
            {
                if (request.ToTeamId is not { } teamId) throw Field(TeamField, "Choose the team to escalate to.");
                await incidents.ChangeAsync(actor, incidentId, null, new AssignIncident(teamId, null), async (db, incident, by, token) =>
                {
                    var from = db.Entry(incident).Property(i => i.AssignmentGroupId).OriginalValue;
                    if (from == teamId) throw Field(TeamField, "The incident is already with that team; choose the next tier.");
                    var to = await db.Teams.Where(t => t.Id == teamId).Select(t => t.Name).SingleAsync(token);
                    batch = await writer.FunctionalAsync(db, incident, by, from, to, reason, token);
                }, ct);
            }
            else
            {
                var target = request.Target ?? throw Field(TargetField, "Choose who to notify.");
                List<Recipient> people;
                string who;
                await using (var db = await dbFactory.CreateDbContextAsync(ct))
                {
                    var teamId = await db.Incidents.Where(i => i.Id == incidentId).Select(i => i.AssignmentGroupId).FirstOrDefaultAsync(ct);
                    (people, who) = await writer.HierarchicalTargetsAsync(db, teamId, target, ct);
                }
                if (people.Count == 0)
                    throw Field(TargetField, target == HierarchicalTarget.TeamLead
                        ? "The team has no lead yet (an admin sets one under Escalation); notify the incident managers instead."
                        : "There are no incident managers to notify.");
                await incidents.ChangeAsync(actor, incidentId, null,
                    new RecordIncidentEvent(EscalationWriter.Topic, EscalationWriter.HierarchicalText(who, reason)),
                    async (db, incident, by, token) => batch = await writer.HierarchicalAsync(db, incident, by, target, people, reason, token), ct);
            }
            await writer.AnnounceAsync(batch);
        });
    }

    public async Task<EscalationResult> StartPolicyAsync(Actor actor, int incidentId, int? policyId, string reason, CancellationToken ct = default)
    {
        RequireStaff(actor);
        reason = (reason ?? "").Trim();
        if (policyId is null) return EscalationResult.Invalid(PolicyField, "Choose a policy.");
        if (reason.Length == 0) return EscalationResult.Invalid(ReasonField, "Say why you are paging.");
        if (reason.Length > EscalationRun.MaxReasonLength)
            return EscalationResult.Invalid(ReasonField, $"Keep the reason under {EscalationRun.MaxReasonLength} characters.");
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var name = await db.EscalationPolicies.Where(p => p.Id == policyId).Select(p => p.Name).SingleOrDefaultAsync(ct);
            if (name is null) return EscalationResult.Invalid(PolicyField, "That policy no longer exists; choose another.");
            return await RunAsync(() => incidents.ChangeAsync(actor, incidentId, null,
                new RecordIncidentEvent(EscalationWriter.Topic, EscalationWriter.StartText(name, reason)), async (db2, incident, by, token) =>
                {
                    if (!incident.IsOpen) throw new EscalationRuleException("Only an open incident can be paged.");
                    if (!await EscalationWriter.StartRunAsync(db2, incident, by, policyId.Value, reason, token))
                        throw new EscalationRuleException("A policy is already paging for this incident; acknowledge it first.");
                }, ct));
        }
    }

    /// <summary>Stops the incident's active page. Any staff member may: whoever acknowledges owns the response.</summary>
    public async Task<EscalationResult> AcknowledgeAsync(Actor actor, int incidentId, CancellationToken ct = default)
    {
        RequireStaff(actor);
        string? policy;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            policy = await db.EscalationRuns.Where(r => r.IncidentId == incidentId && r.FinishedAt == null)
                .Join(db.EscalationPolicies, r => r.PolicyId, p => p.Id, (r, p) => p.Name).FirstOrDefaultAsync(ct);
        }
        if (policy is null) return EscalationResult.Refused("Nothing is paging for this incident any more.");
        return await RunAsync(() => incidents.ChangeAsync(actor, incidentId, null,
            new RecordIncidentEvent(EscalationWriter.Topic, $"Acknowledged: policy \"{policy}\" stops paging"), async (db, incident, by, token) =>
            {
                // Read again inside the unit of work: if another instance or person finished it meanwhile, nothing is saved.
                var run = await db.EscalationRuns.Where(r => r.IncidentId == incidentId && r.FinishedAt == null).FirstOrDefaultAsync(token)
                    ?? throw new EscalationRuleException("Nothing is paging for this incident any more.");
                run.Acknowledge(actor.UserId, by.At);
            }, ct));
    }

    private static async Task<EscalationResult> RunAsync(Func<Task> work)
    {
        try
        {
            await work();
            return EscalationResult.Done;
        }
        catch (FieldException e) { return EscalationResult.Invalid(e.Field, e.Message); }
        catch (EscalationRuleException e) { return EscalationResult.Refused(e.Message); }
        catch (IncidentRuleException e) { return EscalationResult.Refused(e.Message); }
        catch (IncidentConflictException) { return EscalationResult.Refused("Others were changing this incident at the same moment. Please try again."); }
        catch (IncidentNotFoundException e) { return EscalationResult.Refused(e.Message); }
    }

    private static void RequireStaff(Actor actor)
    {
        if (!actor.IsStaff) throw new UnauthorizedAccessException("Only agents can escalate incidents.");
    }

    private static FieldException Field(string field, string message) => new(field, message);

    private sealed class FieldException(string field, string message) : Exception(message)
    {
        public string Field { get; } = field;
    }
}

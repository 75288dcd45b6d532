using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.MajorIncidents;

/// <summary>What resolving a major incident did to its children.</summary>
public sealed record ChildResolution(int IncidentId, string Reference, bool Resolved, string? Reason);

public sealed partial class MajorIncidentService
{
    /// <summary>
    /// Resolves the major incident and its incident in one unit of work (nothing half-written), then each open child
    /// that follows the parent, with the parent's resolution. A child that cannot be resolved (already closed, or
    /// changed in a way its rules refuse) is reported back and stays as it was; the parent stays resolved.
    /// </summary>
    public async Task<IReadOnlyList<ChildResolution>> ResolveAsync(Actor actor, int majorId, ResolutionCode code, string notes,
        CancellationToken ct = default)
    {
        EnsureStaff(actor);
        int incidentId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            incidentId = await db.MajorIncidents.Where(m => m.Id == majorId).Select(m => (int?)m.IncidentId).SingleOrDefaultAsync(ct)
                ?? throw new MajorIncidentNotFoundException();
        }

        var children = new List<int>();
        var parentReference = "";
        int? parentTeam = null;
        await incidents.ChangeAsync(actor, incidentId, null, new ResolveIncident(code, notes, null, ConfirmOpenTasks: true),
            async (db, incident, by, token) =>
            {
                var major = await LoadAsync(db, majorId, token);
                var logCount = major.Log.Count;
                major.Resolve(By(actor, by.At), notes);
                await MajorIncidentTimeline.MirrorAsync(db, major, logCount, incident, token);
                parentReference = incident.Reference;
                parentTeam = incident.AssignmentGroupId;
                children = [.. major.ChildrenToResolve];
            }, ct);
        await events.PublishAsync(new MajorIncidentChanged(majorId, incidentId));

        var results = new List<ChildResolution>();
        foreach (var childId in children)
        {
            results.Add(await ResolveChildAsync(actor, childId, parentTeam, code, $"Resolved with the major incident {parentReference}: {notes}", ct));
        }
        return results;
    }

    private async Task<ChildResolution> ResolveChildAsync(Actor actor, int childId, int? parentTeam, ResolutionCode code, string notes,
        CancellationToken ct)
    {
        string reference;
        IncidentStatus status;
        int? team;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var child = await db.Incidents.Where(i => i.Id == childId).Select(i => new { i.Number, i.Status, i.AssignmentGroupId }).SingleAsync(ct);
            (reference, status, team) = (Incident.FormatReference(child.Number), child.Status, child.AssignmentGroupId ?? parentTeam);
            if (!IncidentLifecycle.IsOpen(status)) return new ChildResolution(childId, reference, false, "It was no longer open.");
        }
        try
        {
            // A child nobody took yet is taken by its team (or the major incident's) so it can be resolved with it.
            if (status == IncidentStatus.New)
            {
                if (team is not { } teamId) return new ChildResolution(childId, reference, false, "It has no team to resolve it.");
                await incidents.ChangeAsync(actor, childId, null, new AssignIncident(teamId, null), ct);
            }
            await incidents.ChangeAsync(actor, childId, null,
                new ResolveIncident(code, notes[..Math.Min(notes.Length, Incident.MaxResolutionLength)], null, ConfirmOpenTasks: true), ct);
            return new ChildResolution(childId, reference, true, null);
        }
        catch (IncidentRuleException refused)
        {
            return new ChildResolution(childId, reference, false, refused.Message);
        }
    }

    private static async Task<MajorIncident> LoadAsync(AppDbContext db, int majorId, CancellationToken ct) =>
        await db.MajorIncidents.Include(m => m.Roles).Include(m => m.Log).Include(m => m.Children)
            .AsSplitQuery().SingleOrDefaultAsync(m => m.Id == majorId, ct) ?? throw new MajorIncidentNotFoundException();
}

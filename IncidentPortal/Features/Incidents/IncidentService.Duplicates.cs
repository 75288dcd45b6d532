using System.Globalization;
using IncidentPortal.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Incidents;

public sealed partial class IncidentService
{
    /// <summary>
    /// Closes <paramref name="incidentId"/> as a duplicate of the incident with <paramref name="originalReference"/>
    /// (INC-000123 or 123), with a timeline entry on both in one unit of work. The original must exist, be visible to
    /// the agent, differ, and not itself be a duplicate (so a chain or loop of duplicates cannot form).
    /// </summary>
    public Task<IncidentUpdated> MarkDuplicateAsync(Actor actor, int incidentId, string? originalReference, CancellationToken ct = default) =>
        MarkDuplicateAsync(actor, incidentId, originalReference, null, ct);

    /// <summary>As above; with <paramref name="expectedVersion"/> (resolving as Duplicate from a form), refuses to overwrite changes made since.</summary>
    private async Task<IncidentUpdated> MarkDuplicateAsync(Actor actor, int incidentId, string? originalReference, int? expectedVersion,
        CancellationToken ct)
    {
        if (!actor.IsStaff) throw new IncidentNotFoundException();
        var number = ParseReference(originalReference)
            ?? throw new IncidentRuleException("Enter the original incident's reference, e.g. INC-000123.");
        int originalId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var original = await db.Incidents.AsNoTracking().Where(i => i.Number == number)
                .Select(i => new { i.Id, i.DuplicateOfId }).SingleOrDefaultAsync(ct)
                ?? throw new IncidentRuleException($"{Incident.FormatReference(number)} does not exist.");
            if (original.Id == incidentId) throw new IncidentRuleException("An incident cannot be a duplicate of itself.");
            if (original.DuplicateOfId is { } further)
            {
                var next = await db.Incidents.Where(i => i.Id == further).Select(i => i.Number).SingleAsync(ct);
                throw new IncidentRuleException(
                    $"{Incident.FormatReference(number)} is itself a duplicate of {Incident.FormatReference(next)}; choose that one.");
            }
            originalId = original.Id;
        }
        var reference = Incident.FormatReference(number);
        IncidentUpdated? originalUpdate = null;
        var updated = await ChangeAsync(actor, incidentId, expectedVersion, new MarkDuplicate(originalId, reference), async (db, duplicate, by, token) =>
        {
            var target = await db.Incidents.SingleAsync(i => i.Id == originalId, token);
            var first = target.Activities.Count;
            target.RecordEvent(by, "Duplicate", $"{duplicate.Reference} was marked as a duplicate of this incident; its reporter follows it here.");
            originalUpdate = Updated(target, actor.UserId, actor.Name, target.Activities.Skip(first).ToList(), target.AssignmentGroupId, target.AssigneeId);
        }, ct);
        if (originalUpdate is not null) await events.PublishAsync(originalUpdate);
        return updated;
    }

    /// <summary>Undoes <see cref="MarkDuplicateAsync"/>: the incident goes back to work, the original's timeline says so.</summary>
    public async Task<IncidentUpdated> UnmarkDuplicateAsync(Actor actor, int incidentId, CancellationToken ct = default)
    {
        if (!actor.IsStaff) throw new IncidentNotFoundException();
        int originalId, number;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var found = await db.Incidents.Where(i => i.Id == incidentId).Select(i => new { i.DuplicateOfId }).SingleOrDefaultAsync(ct)
                ?? throw new IncidentNotFoundException();
            originalId = found.DuplicateOfId ?? throw new IncidentRuleException("This incident is not marked as a duplicate.");
            number = await db.Incidents.Where(i => i.Id == originalId).Select(i => i.Number).SingleAsync(ct);
        }
        IncidentUpdated? originalUpdate = null;
        var updated = await ChangeAsync(actor, incidentId, null, new UnmarkDuplicate(Incident.FormatReference(number)), async (db, duplicate, by, token) =>
        {
            var target = await db.Incidents.SingleAsync(i => i.Id == originalId, token);
            var first = target.Activities.Count;
            target.RecordEvent(by, "Duplicate", $"{duplicate.Reference} is no longer marked as a duplicate of this incident.");
            originalUpdate = Updated(target, actor.UserId, actor.Name, target.Activities.Skip(first).ToList(), target.AssignmentGroupId, target.AssigneeId);
        }, ct);
        if (originalUpdate is not null) await events.PublishAsync(originalUpdate);
        return updated;
    }

    /// <summary>The original of a duplicate, for its reporter or staff; null when it is no duplicate or not theirs.</summary>
    public async Task<DuplicateOf?> DuplicateOfAsync(Actor actor, int incidentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Incidents.AsNoTracking()
            .Where(d => d.Id == incidentId && d.DuplicateOfId != null && (actor.IsStaff || d.ReporterId == actor.UserId))
            .Join(db.Incidents, d => d.DuplicateOfId, o => (int?)o.Id, (d, o) => new DuplicateOf(o.Id, o.Number, o.Title, o.Status))
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>The references of the incidents marked as duplicates of this one (staff), or of the viewer's own (a reporter).</summary>
    public async Task<IReadOnlyList<string>> DuplicatesOfAsync(Actor actor, int incidentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var numbers = await db.Incidents.AsNoTracking()
            .Where(d => d.DuplicateOfId == incidentId && (actor.IsStaff || d.ReporterId == actor.UserId))
            .OrderBy(d => d.Number).Select(d => d.Number).ToListAsync(ct);
        return [.. numbers.Select(Incident.FormatReference)];
    }

    /// <summary>INC-000123, inc-123 or 123.</summary>
    public static int? ParseReference(string? reference)
    {
        var text = (reference ?? "").Trim();
        if (text.StartsWith("INC-", StringComparison.OrdinalIgnoreCase)) text = text[4..];
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : null;
    }
}

/// <summary>The incident a duplicate points at, as its reporter may see it.</summary>
public sealed record DuplicateOf(int Id, int Number, string Title, IncidentStatus Status)
{
    public string Reference => Incident.FormatReference(Number);
}

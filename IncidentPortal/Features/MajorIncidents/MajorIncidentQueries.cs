using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IncidentPortal.Features.MajorIncidents;

/// <summary>Where an incident stands as a major incident, as its workspace shows it.</summary>
public sealed record MajorIncidentSummary(int Id, int IncidentId, MajorIncidentState State, Severity? Severity, string? Commander,
    string ProposedBy, DateTime ProposedAt, string? ProposalReason, string? RejectedBy, DateTime? RejectedAt, string? RejectionReason,
    DateTime? DeclaredAt)
{
    public bool IsDeclared => State is not (MajorIncidentState.Proposed or MajorIncidentState.Rejected);
}

/// <summary>One row of the major incidents list.</summary>
public sealed record MajorIncidentRow(int Id, int IncidentId, string Reference, string Title, Severity? Severity, MajorIncidentState State,
    string? Commander, string ProposedBy, DateTime StartedAt, DateTime? EndedAt, int Children, DateTime? NextUpdateDue);

/// <summary>Which major incidents the list shows.</summary>
public enum MajorIncidentListView { Active, Proposed, Closed }

/// <summary>An incident offered for linking (the surge prompt): who reported it, when, and whether it is free to link.</summary>
public sealed record LinkCandidate(int Id, string Reference, string Title, string Reporter, DateTime CreatedAt, bool AlreadyLinked);

public sealed record StaffMember(string UserId, string Name);

/// <summary>Reads for the major-incident pages. Staff only: reporters get nothing (not found).</summary>
public sealed class MajorIncidentQueries(IDbContextFactory<AppDbContext> dbFactory, IOptionsMonitor<MajorIncidentOptions> options)
{
    public async Task<MajorIncidentSummary?> ForIncidentAsync(Actor actor, int incidentId, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var major = await db.MajorIncidents.AsNoTracking().Include(m => m.Roles).Include(m => m.Log.Where(e => e.Kind == LogEntryKind.Lifecycle))
            .AsSplitQuery().SingleOrDefaultAsync(m => m.IncidentId == incidentId, ct);
        if (major is null) return null;
        var proposer = await db.Users.Where(u => u.Id == major.ProposedById).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        var rejection = major.State == MajorIncidentState.Rejected ? major.Log.OrderBy(e => e.Id).LastOrDefault() : null;
        return new MajorIncidentSummary(major.Id, major.IncidentId, major.State, major.Severity, major.Commander?.Name, proposer ?? "Someone",
            major.ProposedAt, major.ProposalReason, rejection?.ActorName, rejection?.At, major.RejectionReason, major.DeclaredAt);
    }

    public async Task<IReadOnlyList<MajorIncidentRow>> ListAsync(Actor actor, MajorIncidentListView view, DateTime now, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var states = view switch
        {
            MajorIncidentListView.Active => [MajorIncidentState.Declared, MajorIncidentState.Mitigated],
            MajorIncidentListView.Proposed => [MajorIncidentState.Proposed],
            _ => new[] { MajorIncidentState.Resolved, MajorIncidentState.InReview, MajorIncidentState.Rejected },
        };
        var majors = await db.MajorIncidents.AsNoTracking().Include(m => m.Roles).Include(m => m.Children)
            .Where(m => states.Contains(m.State)).AsSplitQuery().ToListAsync(ct);
        var incidentIds = majors.Select(m => m.IncidentId).ToList();
        var incidents = await db.Incidents.Where(i => incidentIds.Contains(i.Id)).Select(i => new { i.Id, i.Number, i.Title })
            .ToDictionaryAsync(i => i.Id, ct);
        var proposerIds = majors.Select(m => m.ProposedById).Distinct().ToList();
        var names = await db.Users.Where(u => proposerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var settings = options.CurrentValue;
        return [.. majors.Select(m => new MajorIncidentRow(m.Id, m.IncidentId, Incident.FormatReference(incidents[m.IncidentId].Number),
                incidents[m.IncidentId].Title, m.Severity, m.State, m.Commander?.Name, names.GetValueOrDefault(m.ProposedById) ?? "Someone",
                m.DeclaredAt ?? m.ProposedAt, m.ResolvedAt, m.Children.Count, CommunicationCadence.At(m, settings, now)?.DueAt))
            .OrderBy(r => r.Severity ?? Severity.Sev3).ThenByDescending(r => r.StartedAt)];
    }

    public async Task<int> ActiveCountAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.MajorIncidents.CountAsync(m => m.State == MajorIncidentState.Declared || m.State == MajorIncidentState.Mitigated, ct);
    }

    /// <summary>Agents, incident managers and admins, by name: the people who can take a role.</summary>
    public async Task<IReadOnlyList<StaffMember>> StaffAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId
                && (r.Name == Roles.Agent || r.Name == Roles.IncidentManager || r.Name == Roles.Admin))))
            .OrderBy(u => u.DisplayName).Select(u => new StaffMember(u.Id, u.DisplayName)).ToListAsync(ct);
    }

    /// <summary>The running major incidents whose incident is on <paramref name="serviceId"/>.</summary>
    public async Task<IReadOnlyList<MajorIncidentRow>> ActiveOnServiceAsync(Actor actor, int serviceId, DateTime now, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var onService = await db.Incidents.Where(i => i.ServiceId == serviceId).Select(i => i.Id).ToListAsync(ct);
        return [.. (await ListAsync(actor, MajorIncidentListView.Active, now, ct)).Where(r => onService.Contains(r.IncidentId))];
    }

    public async Task<IReadOnlyList<LinkCandidate>> CandidatesAsync(Actor actor, IReadOnlyCollection<int> incidentIds, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Incidents.Where(i => incidentIds.Contains(i.Id)).OrderBy(i => i.Number)
            .Select(i => new LinkCandidate(i.Id, Incident.FormatReference(i.Number), i.Title, i.Reporter!.DisplayName, i.CreatedAt,
                db.Set<LinkedIncident>().Any(l => l.IncidentId == i.Id)))
            .ToListAsync(ct);
    }

    private static void EnsureStaff(Actor actor)
    {
        if (!actor.IsStaff) throw new MajorIncidentNotFoundException();
    }
}

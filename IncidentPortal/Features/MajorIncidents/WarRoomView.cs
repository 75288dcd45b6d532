using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.StatusPage;

namespace IncidentPortal.Features.MajorIncidents;

public sealed record WarRoomRole(ResponseRole Role, string UserId, string Name, DateTime Since);

public sealed record WarRoomEntry(long Id, LogEntryKind Kind, string Text, string ActorName, DateTime At, bool Pinned)
{
    /// <summary>Posted by people in the room (notes, facts, decisions), as opposed to what the portal recorded.</summary>
    public bool IsPosted => Kind is LogEntryKind.Note or LogEntryKind.Fact or LogEntryKind.Decision;
}

/// <summary>A linked incident; its reporter is one of the people known to be affected.</summary>
public sealed record WarRoomChild(int IncidentId, string Reference, string Title, IncidentStatus Status, string Reporter, bool FollowsResolution)
{
    public bool IsOpen => IncidentLifecycle.IsOpen(Status);
}

public sealed record WarRoomPublicUpdate(string Title, IncidentPhase Phase, string Message, DateTime At);

/// <summary>A person of staff who can be given a role.</summary>
public sealed record WarRoomPerson(string UserId, string Name);

/// <summary>Everything the war room shows of one major incident, read at one moment.</summary>
public sealed record WarRoomView(
    int Id, int IncidentId, string Reference, string Title, MajorIncidentState State, Severity? Severity, string? SeverityMeaning,
    DateTime ProposedAt, DateTime? DeclaredAt, DateTime? MitigatedAt, DateTime? ResolvedAt, string? BridgeUrl,
    DateTime? NextUpdateDueAt, TimeSpan? UpdateEvery, DateTime? LastCommunicationAt,
    IReadOnlyList<WarRoomRole> Roles, IReadOnlyList<WarRoomEntry> Log, IReadOnlyList<WarRoomChild> Children,
    MajorIncidentMeasures Measures, WarRoomPublicUpdate? LastPublicUpdate)
{
    public bool IsActive => State is MajorIncidentState.Declared or MajorIncidentState.Mitigated;

    public WarRoomRole? Holder(ResponseRole role) => Roles.FirstOrDefault(r => r.Role == role);

    public bool Holds(string userId, ResponseRole role) => Roles.Any(r => r.Role == role && r.UserId == userId);

    /// <summary>Pinned entries first ("key facts and decisions"), oldest first, as they were established.</summary>
    public IEnumerable<WarRoomEntry> Pinned => Log.Where(e => e.Pinned).OrderBy(e => e.At).ThenBy(e => e.Id);

    /// <summary>The whole log, newest first.</summary>
    public IEnumerable<WarRoomEntry> Newest => Log.OrderByDescending(e => e.At).ThenByDescending(e => e.Id);

    /// <summary>When the response ends (resolved) or now, for the running duration.</summary>
    public TimeSpan Duration(DateTime now) => DeclaredAt is { } start ? (ResolvedAt ?? now) - start : TimeSpan.Zero;
}

namespace IncidentPortal.Features.MajorIncidents;

public partial class MajorIncident
{
    /// <summary>The current holder of a one-person role (commander, communications lead, scribe).</summary>
    public RoleAssignment? Holder(ResponseRole role) => Roles.FirstOrDefault(r => r.Role == role && r.EndedAt is null);

    public IEnumerable<RoleAssignment> Current => Roles.Where(r => r.EndedAt is null);

    public bool Holds(string userId, ResponseRole role) => Current.Any(r => r.Role == role && r.UserId == userId);

    /// <summary>
    /// Gives a role to someone. The one-person roles are handed over: the previous holder steps down in the same entry,
    /// so the commander role is never empty while the response runs.
    /// </summary>
    public void Assign(ResponseActor by, ResponseRole role, ResponseActor person)
    {
        Require(IsActive, "Roles are given while the response is running.");
        if (Holds(person.UserId, role)) return;
        var previous = role == ResponseRole.Responder ? null : Holder(role);
        previous?.End(by.At);
        Roles.Add(new RoleAssignment(role, person.UserId, person.Name, by.At, by.UserId));
        var label = MajorIncidentText.Label(role);
        Write(by, LogEntryKind.Role, previous is null
            ? $"{person.Name} is {Article(role)}{label.ToLowerInvariant()}"
            : $"{label}: handed over from {previous.Name} to {person.Name}");
    }

    /// <summary>Takes a role from someone. The commander cannot step down without a successor: hand over instead.</summary>
    public void Release(ResponseActor by, ResponseRole role, string userId)
    {
        Require(IsActive, "Roles change while the response is running.");
        if (role == ResponseRole.Commander)
        {
            throw new MajorIncidentRuleException("The incident always has a commander: hand the role over to someone instead.");
        }
        var assignment = Current.FirstOrDefault(r => r.Role == role && r.UserId == userId)
            ?? throw new MajorIncidentRuleException($"They are not {Article(role)}{MajorIncidentText.Label(role).ToLowerInvariant()}.");
        assignment.End(by.At);
        Write(by, LogEntryKind.Role, $"{assignment.Name} is no longer {Article(role)}{MajorIncidentText.Label(role).ToLowerInvariant()}");
    }

    /// <summary>A working note in the war room log; facts and decisions are kept apart from notes.</summary>
    public ResponseLogEntry Post(ResponseActor by, LogEntryKind kind, string? text)
    {
        Require(kind is LogEntryKind.Note or LogEntryKind.Fact or LogEntryKind.Decision, "Only notes, facts and decisions are posted.");
        Require(State is not (MajorIncidentState.Proposed or MajorIncidentState.Rejected), "The war room opens once it is declared.");
        return Write(by, kind, RequireText(text));
    }

    /// <summary>Pinned entries stay at the top of the war room and are the key events of the review's timeline.</summary>
    public void Pin(ResponseActor by, ResponseLogEntry entry, bool pinned)
    {
        Require(Log.Contains(entry), "That log entry is not part of this major incident.");
        entry.SetPinned(pinned, by.UserId);
    }

    /// <summary>A request for responders, or someone answering one: part of the response's record.</summary>
    public void RecordSwarm(ResponseActor by, string text) => Write(by, LogEntryKind.Role, RequireText(text));

    private ResponseLogEntry Write(ResponseActor by, LogEntryKind kind, string text)
    {
        var entry = new ResponseLogEntry(kind, text, by.UserId, by.Name, by.At);
        Log.Add(entry);
        Version++;
        return entry;
    }

    private static string Article(ResponseRole role) => role == ResponseRole.Responder ? "a " : "the ";
}

/// <summary>Someone holding a response role, from when to when.</summary>
public class RoleAssignment
{
    public long Id { get; private set; }
    public ResponseRole Role { get; private set; }
    public string UserId { get; private set; } = "";
    /// <summary>The name at the time, as the timeline shows it.</summary>
    public string Name { get; private set; } = "";
    public DateTime AssignedAt { get; private set; }
    public string AssignedById { get; private set; } = "";
    public DateTime? EndedAt { get; private set; }

    private RoleAssignment() { }

    internal RoleAssignment(ResponseRole role, string userId, string name, DateTime at, string byId)
    {
        Role = role;
        UserId = userId;
        Name = name;
        AssignedAt = at;
        AssignedById = byId;
    }

    internal void End(DateTime at) => EndedAt ??= at;
}

/// <summary>One entry of the war room log: what the portal recorded, or what someone in the room posted.</summary>
public class ResponseLogEntry
{
    public long Id { get; private set; }
    public LogEntryKind Kind { get; private set; }
    public string Text { get; private set; } = "";
    public string? ActorId { get; private set; }
    public string ActorName { get; private set; } = "";
    public DateTime At { get; private set; }
    public bool Pinned { get; private set; }
    public string? PinnedById { get; private set; }

    private ResponseLogEntry() { }

    internal ResponseLogEntry(LogEntryKind kind, string text, string? actorId, string actorName, DateTime at)
    {
        Kind = kind;
        Text = text;
        ActorId = actorId;
        ActorName = actorName;
        At = at;
    }

    internal void SetPinned(bool pinned, string byId)
    {
        Pinned = pinned;
        PinnedById = pinned ? byId : null;
    }
}

namespace IncidentPortal.Features.MajorIncidents;

/// <summary>
/// "Request responders": people paged into the war room with a message — named people, a team's members, or an
/// escalation policy (which keeps paging through its steps until someone acknowledges). Each person asked is an
/// <see cref="SwarmInvite"/> that records when they acknowledged and when they joined.
/// </summary>
public class SwarmRequest
{
    public const int MaxMessageLength = 500;

    public int Id { get; private set; }
    public int MajorIncidentId { get; private set; }
    public string Message { get; private set; } = "";
    public string RequestedById { get; private set; } = "";
    public string RequestedByName { get; private set; } = "";
    public DateTime At { get; private set; }
    /// <summary>The escalation policy started for this request, if one was chosen.</summary>
    public string? PolicyName { get; private set; }
    public List<SwarmInvite> Invites { get; } = [];

    private SwarmRequest() { }

    public static SwarmRequest Create(int majorId, ResponseActor by, string? message, string? policyName)
    {
        var text = (message ?? "").Trim();
        if (text.Length == 0) throw new MajorIncidentRuleException("Say what you need them for: the message is what they read first.");
        if (text.Length > MaxMessageLength) throw new MajorIncidentRuleException($"Keep the message under {MaxMessageLength} characters.");
        return new SwarmRequest
        {
            MajorIncidentId = majorId, Message = text, RequestedById = by.UserId, RequestedByName = by.Name, At = by.At, PolicyName = policyName,
        };
    }

    /// <summary>Asks someone once per request; <paramref name="via"/> says how they were reached ("Network team").</summary>
    public void Ask(string userId, string name, string? via)
    {
        if (Invites.Any(i => i.UserId == userId)) return;
        Invites.Add(new SwarmInvite(userId, name, via, At));
    }
}

/// <summary>One person asked to join a response.</summary>
public class SwarmInvite
{
    public long Id { get; private set; }
    public int SwarmRequestId { get; private set; }
    public string UserId { get; private set; } = "";
    public string Name { get; private set; } = "";
    /// <summary>Null when asked by name; else the team or policy that reached them.</summary>
    public string? Via { get; private set; }
    public DateTime AskedAt { get; private set; }
    public DateTime? AcknowledgedAt { get; private set; }
    public DateTime? JoinedAt { get; private set; }

    private SwarmInvite() { }

    internal SwarmInvite(string userId, string name, string? via, DateTime askedAt) =>
        (UserId, Name, Via, AskedAt) = (userId, name, via, askedAt);

    /// <summary>"On my way": recorded once, the first time.</summary>
    public bool Acknowledge(DateTime at)
    {
        if (AcknowledgedAt is not null) return false;
        AcknowledgedAt = at;
        return true;
    }

    /// <summary>They are in the war room; joining also acknowledges.</summary>
    public bool Join(DateTime at)
    {
        if (JoinedAt is not null) return false;
        AcknowledgedAt ??= at;
        JoinedAt = at;
        return true;
    }
}

/// <summary>Someone who hears every internal update of a major incident: a person, or every member of a team.</summary>
public class Stakeholder
{
    public int Id { get; private set; }
    public int MajorIncidentId { get; private set; }
    public string? UserId { get; private set; }
    public int? TeamId { get; private set; }
    public string Name { get; private set; } = "";
    public DateTime AddedAt { get; private set; }
    public string AddedById { get; private set; } = "";

    private Stakeholder() { }

    public static Stakeholder Person(int majorId, string userId, string name, ResponseActor by) =>
        new() { MajorIncidentId = majorId, UserId = userId, Name = name, AddedAt = by.At, AddedById = by.UserId };

    public static Stakeholder Team(int majorId, int teamId, string name, ResponseActor by) =>
        new() { MajorIncidentId = majorId, TeamId = teamId, Name = name, AddedAt = by.At, AddedById = by.UserId };
}

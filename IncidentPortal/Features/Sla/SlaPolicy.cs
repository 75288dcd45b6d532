using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Features.Sla;

/// <summary>
/// What an incident is promised: per priority, a time to first response and a time to resolution, each measured on a
/// calendar. One default policy (no service) applies to every incident whose service has no policy of its own.
/// </summary>
public class SlaPolicy
{
    public const int MaxNameLength = 100;
    public const double DefaultWarningFraction = 0.75;

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>Null for the default policy; otherwise the business service it covers (at most one policy per service).</summary>
    public int? ServiceId { get; private set; }
    /// <summary>Share of a target after which the clock warns (0.75 = at 75 %).</summary>
    public double WarningFraction { get; private set; } = DefaultWarningFraction;
    /// <summary>The On-hold reasons that stop the clocks, comma-separated enum names (text, so reordering the enum is harmless).</summary>
    public string PausingReasons { get; private set; } = "";
    public List<SlaTarget> Targets { get; private set; } = [];
    public int Version { get; private set; }

    private SlaPolicy() { }

    public bool IsDefault => ServiceId is null;

    public static SlaPolicy Create(string name, int? serviceId, IEnumerable<SlaTarget> targets, double warningFraction = DefaultWarningFraction,
        IEnumerable<OnHoldReason>? pausing = null)
    {
        var policy = new SlaPolicy { ServiceId = serviceId, Version = 1 };
        policy.Update(name, warningFraction, pausing ?? [OnHoldReason.AwaitingUser, OnHoldReason.AwaitingVendor], targets);
        policy.Version = 1;
        return policy;
    }

    public IReadOnlySet<OnHoldReason> Pausing => PausingReasons.Split(',', StringSplitOptions.RemoveEmptyEntries)
        .Select(r => Enum.TryParse<OnHoldReason>(r, out var reason) ? reason : (OnHoldReason?)null)
        .OfType<OnHoldReason>().ToHashSet();

    public bool Pauses(OnHoldReason reason) => Pausing.Contains(reason);

    public SlaTarget TargetFor(Priority priority) => Targets.FirstOrDefault(t => t.Priority == priority)
        ?? throw new InvalidOperationException($"Policy '{Name}' has no target for {priority}.");

    /// <summary>Replaces everything an admin edits at once; every priority P1–P5 needs its targets.</summary>
    public void Update(string name, double warningFraction, IEnumerable<OnHoldReason> pausing, IEnumerable<SlaTarget> targets)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0) throw new SlaRuleException("The name is required.");
        if (trimmed.Length > MaxNameLength) throw new SlaRuleException($"The name can be at most {MaxNameLength} characters.");
        if (double.IsNaN(warningFraction) || warningFraction is <= 0 or >= 1)
            throw new SlaRuleException("Warn at a share of the target between 1 % and 99 %.");
        var list = targets.ToList();
        foreach (var priority in Enum.GetValues<Priority>())
            if (list.Count(t => t.Priority == priority) != 1) throw new SlaRuleException($"Give exactly one set of targets for {priority}.");
        Name = trimmed;
        WarningFraction = Math.Round(warningFraction, 4);
        PausingReasons = string.Join(",", pausing.Distinct().OrderBy(r => r));
        // Targets are edited in place so their ids (and the rows) survive an edit.
        foreach (var target in list)
        {
            var existing = Targets.FirstOrDefault(t => t.Priority == target.Priority);
            if (existing is null) Targets.Add(target);
            else existing.CopyFrom(target);
        }
        Version++;
    }
}

/// <summary>The promise for one priority under a policy.</summary>
public class SlaTarget
{
    public const int MaxMinutes = 365 * 24 * 60;

    public int Id { get; private set; }
    public int PolicyId { get; private set; }
    public Priority Priority { get; private set; }
    public int ResponseMinutes { get; private set; }
    public int ResolutionMinutes { get; private set; }
    public int CalendarId { get; private set; }
    public BusinessCalendar? Calendar { get; private set; }

    private SlaTarget() { }

    public TimeSpan Response => TimeSpan.FromMinutes(ResponseMinutes);
    public TimeSpan Resolution => TimeSpan.FromMinutes(ResolutionMinutes);

    public static SlaTarget For(Priority priority, TimeSpan response, TimeSpan resolution, BusinessCalendar calendar)
    {
        var target = For(priority, response, resolution, calendar.Id);
        target.Calendar = calendar;
        return target;
    }

    public static SlaTarget For(Priority priority, TimeSpan response, TimeSpan resolution, int calendarId)
    {
        var responseMinutes = (int)Math.Round(response.TotalMinutes);
        var resolutionMinutes = (int)Math.Round(resolution.TotalMinutes);
        if (responseMinutes is < 1 or > MaxMinutes || resolutionMinutes is < 1 or > MaxMinutes)
            throw new SlaRuleException($"{priority}: targets are between 1 minute and 365 days.");
        if (resolutionMinutes < responseMinutes) throw new SlaRuleException($"{priority}: the resolution target cannot be shorter than the response target.");
        return new SlaTarget { Priority = priority, ResponseMinutes = responseMinutes, ResolutionMinutes = resolutionMinutes, CalendarId = calendarId };
    }

    internal void CopyFrom(SlaTarget other)
    {
        (ResponseMinutes, ResolutionMinutes, CalendarId) = (other.ResponseMinutes, other.ResolutionMinutes, other.CalendarId);
        if (other.Calendar is not null) Calendar = other.Calendar;
    }
}

public sealed class SlaRuleException(string message) : Exception(message);

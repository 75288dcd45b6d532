namespace IncidentPortal.Features.MajorIncidents;

/// <summary>"MajorIncidents" in appsettings: what each severity means, its update rhythm, and surge detection.</summary>
public sealed class MajorIncidentOptions
{
    public const string Section = "MajorIncidents";

    public Dictionary<Severity, SeverityLevel> Severities { get; init; } = new()
    {
        [Severity.Sev1] = new("Critical service down for many users", TimeSpan.FromMinutes(30)),
        [Severity.Sev2] = new("Major degradation or a critical service down for some", TimeSpan.FromMinutes(60)),
        [Severity.Sev3] = new("Limited impact, but needs a coordinated response", TimeSpan.FromMinutes(120)),
    };

    /// <summary>Surge: this many incidents on one service within <see cref="SurgeWindow"/> suggest a major incident.</summary>
    public int SurgeCount { get; init; } = 5;

    public TimeSpan SurgeWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>A missed update is escalated to the commander and the incident managers after this much extra time.</summary>
    public TimeSpan ReminderGrace { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether public updates of a major incident reach the reporters of its linked incidents as public comments.</summary>
    public bool ForwardPublicUpdates { get; init; } = true;

    /// <summary>How often the update rhythm is checked for due reminders; seconds-long cadences (drills, tests) need less.</summary>
    public TimeSpan ReminderCheckInterval { get; init; } = TimeSpan.FromSeconds(15);

    public SeverityLevel For(Severity severity) =>
        Severities.TryGetValue(severity, out var level) ? level : throw new MajorIncidentRuleException($"{severity} is not configured.");
}

/// <summary>What a severity means, and how often stakeholders hear about it.</summary>
public sealed record SeverityLevel(string Meaning, TimeSpan UpdateEvery);

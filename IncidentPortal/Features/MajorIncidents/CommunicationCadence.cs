namespace IncidentPortal.Features.MajorIncidents;

/// <summary>Where the update rhythm stands: when the next update is due, and whether a reminder should go out.</summary>
public sealed record CadenceState(DateTime DueAt, TimeSpan Remaining, CadenceStage Stage);

public enum CadenceStage
{
    /// <summary>Not due yet.</summary>
    OnTrack,
    /// <summary>Due: the communications lead (or the commander) is reminded.</summary>
    Due,
    /// <summary>Missed by more than the grace: the reminder escalates to the commander and the incident managers.</summary>
    Overdue,
}

/// <summary>
/// The update rhythm of a running major incident: each severity has an interval, counted from the last update sent
/// (or from the declaration, before the first). Pure: the clock comes in.
/// </summary>
public static class CommunicationCadence
{
    public static CadenceState? At(MajorIncident major, MajorIncidentOptions options, DateTime now)
    {
        if (!major.IsActive || major.Severity is not { } severity || major.DeclaredAt is not { } declared) return null;
        var every = options.For(severity).UpdateEvery;
        var due = (major.LastCommunicationAt ?? declared) + every;
        var remaining = due - now;
        var stage = remaining > TimeSpan.Zero ? CadenceStage.OnTrack
            : -remaining < options.ReminderGrace ? CadenceStage.Due
            : CadenceStage.Overdue;
        return new CadenceState(due, remaining, stage);
    }

    /// <summary>"12:40", "1:05:00", or "overdue by 3:10": the war room's countdown.</summary>
    public static string Countdown(TimeSpan remaining)
    {
        var span = remaining.Duration();
        var text = span.TotalHours >= 1 ? $"{(int)span.TotalHours}:{span.Minutes:D2}:{span.Seconds:D2}" : $"{span.Minutes}:{span.Seconds:D2}";
        return remaining < TimeSpan.Zero ? $"overdue by {text}" : text;
    }
}

namespace IncidentPortal.Features.Sla;

/// <summary>Published once (by one app instance) after a clock's warning or breach has been recorded and notified.</summary>
public sealed record SlaThresholdReached(int IncidentId, SlaClockKind Kind, SlaThreshold Threshold, DateTime At);

/// <summary>Published after a policy or calendar change recomputed open incidents' clocks; open clock panels reload.</summary>
public sealed record SlaClocksRecomputed(int Incidents, int Moved);

public sealed class SlaOptions
{
    public const string Section = "Sla";
    /// <summary>How often the watcher looks for clocks whose warning or breach moment has passed.</summary>
    public double WatchSeconds { get; set; } = 15;
    /// <summary>How many clocks one watcher pass handles at most (the rest wait for the next pass).</summary>
    public int WatchBatch { get; set; } = 200;
    /// <summary>"Breaching soon" lists open incidents due within this many hours (and those already breached).</summary>
    public double BreachingSoonHours { get; set; } = 2;
}

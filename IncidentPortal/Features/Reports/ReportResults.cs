using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Sla;

namespace IncidentPortal.Features.Reports;

/// <summary>
/// One headline number with its previous-period value (same length, just before) and how it is measured.
/// <see cref="Unit"/>: "count", "percent", "minutes" (durations are in minutes), "ratio".
/// </summary>
public sealed record ReportFigure(string Key, string Title, double? Value, double? Previous, string Unit, string HowMeasured, ReportSlice? Slice)
{
    /// <summary>Value − previous, when both are known.</summary>
    public double? Change => Value is { } now && Previous is { } before ? now - before : null;
}

/// <summary>Median and 90th percentile of a set of durations (null when the set is empty).</summary>
public sealed record DurationStats(int Count, TimeSpan? Median, TimeSpan? P90)
{
    public static DurationStats Empty { get; } = new(0, null, null);
}

// ---- Volume ----
public sealed record VolumeReport(ReportFilter Filter, ReportGrain Grain, IReadOnlyList<ReportFigure> Headline,
    IReadOnlyList<VolumePoint> CreatedResolved, IReadOnlyList<BacklogPoint> Backlog, IReadOnlyList<AgeBucketRow> OpenByAge);

/// <param name="Period">The day ("2026-12-01") or ISO week ("2026-W49").</param>
/// <param name="Label">"Tue 1 Dec 2026", or the Monday of the week.</param>
public sealed record VolumePoint(string Period, string Label, int Created, int Resolved, ReportSlice CreatedSlice, ReportSlice ResolvedSlice);

/// <summary>Incidents open at the end of the period.</summary>
public sealed record BacklogPoint(string Period, string Label, int Open, ReportSlice Slice);

public sealed record AgeBucketRow(string Bucket, string Label, int Count, ReportSlice Slice);

// ---- Speed ----
/// <param name="Headline">MTTA and MTTR, median and p90, calendar and business time; cancelled and reopened counts.</param>
public sealed record SpeedReport(ReportFilter Filter, IReadOnlyList<ReportFigure> Headline,
    IReadOnlyList<SpeedRow> ByPriority, IReadOnlyList<SpeedRow> ByTeam, IReadOnlyList<SpeedRow> ByService);

/// <summary>Time to first response and to resolve for one priority, team or service. Business time is on the incident's SLA calendar.</summary>
public sealed record SpeedRow(string Key, string Label,
    DurationStats Response, DurationStats ResponseBusiness, DurationStats Resolution, DurationStats ResolutionBusiness,
    ReportSlice ResponseSlice, ReportSlice ResolutionSlice);

// ---- SLA ----
public sealed record SlaReport(ReportFilter Filter, IReadOnlyList<ReportFigure> Headline,
    IReadOnlyList<SlaRow> ByPriority, IReadOnlyList<SlaRow> ByTeam, IReadOnlyList<SlaBreachRow> Breaches, int BreachesTotal);

/// <summary>Clocks that stopped in the range with a verdict: met within target, or breached.</summary>
public sealed record SlaCompliance(int Met, int Breached, ReportSlice MeasuredSlice, ReportSlice BreachedSlice)
{
    public int Measured => Met + Breached;
    /// <summary>Met ÷ (met + breached) × 100; null when nothing was measured.</summary>
    public double? Percent => Met + Breached == 0 ? null : Math.Round(100.0 * Met / (Met + Breached), 1);
}

public sealed record SlaRow(string Key, string Label, SlaCompliance Response, SlaCompliance Resolution);

/// <param name="Reason">What the clock shows, e.g. "Response target 30 min exceeded by 1 h 5 min (Office hours calendar)".</param>
public sealed record SlaBreachRow(int IncidentId, string Reference, string Title, Priority Priority, string? Team, SlaClockKind Clock,
    DateTime? DueAt, TimeSpan Target, TimeSpan Elapsed, SlaClockState State, string Reason);

// ---- Quality ----
/// <param name="Headline">Reopen rate, first-contact resolution, reassignments per incident, alerts per incident,
/// major incidents and reviews, action items on time vs overdue.</param>
public sealed record QualityReport(ReportFilter Filter, IReadOnlyList<ReportFigure> Headline,
    IReadOnlyList<TopRow> TopServices, IReadOnlyList<TopRow> TopCategories, IReadOnlyList<FlappingAlertRow> FlappingAlerts);

/// <param name="OutageMinutes">Minutes the service's status-page components were not operational in the range (null for categories).</param>
public sealed record TopRow(string Key, string Label, int Incidents, double? OutageMinutes, ReportSlice Slice);

/// <summary>An alert source that fired and resolved repeatedly (≥ <see cref="ReportDefinitions.FlappingThreshold"/> times) in the range.</summary>
public sealed record FlappingAlertRow(string DedupKey, string Title, int Firings, int Incidents, ReportSlice Slice);

// ---- People ----
public sealed record PeopleReport(ReportFilter Filter, IReadOnlyList<ReportFigure> Headline, IReadOnlyList<PersonRow> People);

/// <param name="Load">Incidents assigned to them and open at some time in the range.</param>
/// <param name="Pages">Times they were paged in the range; <paramref name="OffHoursPages"/> of those outside their team's business hours.</param>
public sealed record PersonRow(string UserId, string Name, int Load, int Resolved, int Pages, int OffHoursPages,
    ReportSlice LoadSlice, ReportSlice OffHoursSlice);

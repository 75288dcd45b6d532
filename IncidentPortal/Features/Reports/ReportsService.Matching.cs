using IncidentPortal.Features.Alerts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Sla;
using IncidentPortal.Infrastructure.Data;

namespace IncidentPortal.Features.Reports;

public sealed partial class ReportsService
{
    /// <summary>
    /// Exactly the incidents <paramref name="slice"/> counted under <paramref name="filter"/>. Every figure is computed
    /// from this query (or the same predicate), so a figure and its list never disagree. An unknown slice matches nothing.
    /// </summary>
    public IQueryable<Incident> Matching(AppDbContext db, ReportFilter filter, ReportSlice slice) =>
        ReportQueries.Matching(db, filter, slice, Now);
}

/// <summary>The predicates behind every figure (see <see cref="ReportSlice.Kinds"/> for what each kind means).</summary>
internal static class ReportQueries
{
    internal static readonly string[] ReassignFields = ["Team", "Assignee"];

    /// <summary>The filter's team, service, category (with subcategories), priority and source; not the dates.</summary>
    public static IQueryable<Incident> Scope(AppDbContext db, ReportFilter filter)
    {
        var incidents = db.Incidents.AsQueryable();
        if (filter.TeamId is { } team) incidents = incidents.Where(i => i.AssignmentGroupId == team);
        if (filter.ServiceId is { } service) incidents = incidents.Where(i => i.ServiceId == service);
        if (filter.CategoryId is { } category)
            incidents = incidents.Where(i => i.CategoryId == category || db.Categories.Any(c => c.Id == i.CategoryId && c.ParentId == category));
        if (filter.Priority is { } priority) incidents = incidents.Where(i => i.Priority == priority);
        if (filter.Source is { } source)
        {
            var sources = ReportFilter.SourcesOf(source).ToList();
            incidents = incidents.Where(i => sources.Contains(i.Source));
        }
        return incidents;
    }

    public static IQueryable<Incident> Matching(AppDbContext db, ReportFilter filter, ReportSlice slice, DateTime now)
    {
        var scope = Scope(db, filter);
        var (start, end) = (filter.StartUtc, filter.EndUtc);
        switch (slice.Kind)
        {
            case ReportSlice.Kinds.Created:
                return Period(filter, slice.Key, out var cFrom, out var cTo)
                    ? scope.Where(i => i.CreatedAt >= cFrom && i.CreatedAt < cTo)
                    : Dimension(db, scope.Where(i => i.CreatedAt >= start && i.CreatedAt < end), slice.Key);
            case ReportSlice.Kinds.Resolved:
                return Period(filter, slice.Key, out var rFrom, out var rTo)
                    ? Resolved(scope, rFrom, rTo)
                    : Dimension(db, Resolved(scope, start, end), slice.Key);
            case ReportSlice.Kinds.Responded:
                return Dimension(db, Responded(scope, start, end), slice.Key);
            case ReportSlice.Kinds.Backlog:
                if (!Period(filter, slice.Key, out _, out var at)) return None(db);
                return OpenAt(scope, at);
            case ReportSlice.Kinds.OpenAge:
                var buckets = ReportDefinitions.AgeBuckets.Where(b => b.Key == slice.Key).ToList();
                if (buckets.Count == 0) return None(db);
                var bucket = buckets[0];
                var youngest = now - bucket.From;
                var open = scope.Where(i => IncidentLifecycle.OpenStatuses.Contains(i.Status) && i.CreatedAt <= youngest);
                if (bucket.To is { } older) { var oldest = now - older; open = open.Where(i => i.CreatedAt > oldest); }
                return open;
            case ReportSlice.Kinds.Cancelled:
                return Dimension(db, scope.Where(i => i.CancelledAt >= start && i.CancelledAt < end), slice.Key);
            case ReportSlice.Kinds.Reopened:
                return Dimension(db, Resolved(scope, start, end).Where(i => i.ReopenCount > 0), slice.Key);
            case ReportSlice.Kinds.FirstContact:
                return Dimension(db, Resolved(scope, start, end).Where(i => i.ReopenCount == 0 && !db.IncidentActivities.Any(a =>
                    a.IncidentId == i.Id && a.Kind == ActivityKind.FieldChanged && ReassignFields.Contains(a.Field!) && a.OldValue != null)), slice.Key);
            case ReportSlice.Kinds.Reassigned:
                return Dimension(db, Resolved(scope, start, end).Where(i => db.IncidentActivities.Any(a =>
                    a.IncidentId == i.Id && a.Kind == ActivityKind.FieldChanged && ReassignFields.Contains(a.Field!) && a.OldValue != null)), slice.Key);
            case ReportSlice.Kinds.SlaMeasured or ReportSlice.Kinds.SlaBreach or ReportSlice.Kinds.SlaMissed:
                var (clockName, rest) = slice.SlaParts();
                if (!Enum.TryParse<SlaClockKind>(clockName, ignoreCase: true, out var kind) || !Enum.IsDefined(kind)) return None(db);
                var clocks = slice.Kind switch
                {
                    ReportSlice.Kinds.SlaMeasured => Measured(db, kind, start, end),
                    ReportSlice.Kinds.SlaMissed => Measured(db, kind, start, end).Where(c => c.State == SlaClockState.Breached),
                    _ => Breached(db, kind, start, end, now),
                };
                return Dimension(db, scope.Where(i => clocks.Any(c => c.IncidentId == i.Id)), rest);
            case ReportSlice.Kinds.Major:
                var majors = db.MajorIncidents.Where(m => m.DeclaredAt >= start && m.DeclaredAt < end);
                var declared = scope.Where(i => majors.Any(m => m.IncidentId == i.Id));
                return slice.Key == "reviewed" ? declared.Where(i => db.IncidentReviews.Any(r => r.IncidentId == i.Id && r.PublishedAt != null))
                    : slice.Key == ReportSlice.AllKey ? declared : None(db);
            case ReportSlice.Kinds.Alert:
                if (slice.Key == "flapping")
                {
                    var flapping = Firings(db, scope, start, end).GroupBy(f => f.DedupKey)
                        .Where(g => g.Count() >= ReportDefinitions.FlappingThreshold).Select(g => g.Key);
                    var fired = Firings(db, scope, start, end).Where(f => flapping.Contains(f.DedupKey)).Select(f => f.IncidentId);
                    return scope.Where(i => fired.Contains(i.Id));
                }
                if (slice.Key != ReportSlice.AllKey) return None(db);
                var alerts = db.Alerts.Where(a => a.FirstSeenAt >= start && a.FirstSeenAt < end);
                return scope.Where(i => alerts.Any(a => a.IncidentId == i.Id));
            case ReportSlice.Kinds.Load:
                return Dimension(db, OpenDuring(scope, start, end).Where(i => i.AssigneeId != null), slice.Key);
            case ReportSlice.Kinds.OffHours:
                if (ReportSlice.Dimension(slice.Key) is not { } person || person.Dimension != "user") return None(db);
                var paged = OffHoursPages.IncidentIds(db, filter, person.Value);
                return scope.Where(i => paged.Contains(i.Id));
            default:
                return None(db);
        }
    }

    public static IQueryable<Incident> Resolved(IQueryable<Incident> scope, DateTime from, DateTime to) =>
        scope.Where(i => i.ResolvedAt >= from && i.ResolvedAt < to && i.Status != IncidentStatus.Cancelled);

    public static IQueryable<Incident> Responded(IQueryable<Incident> scope, DateTime from, DateTime to) =>
        scope.Where(i => i.FirstResponseAt >= from && i.FirstResponseAt < to);

    /// <summary>One firing of an alert: its trigger or a repeat (not an acknowledgement or a recovery). Init-only
    /// properties, not a positional record: EF translates member initialisers in later operators, not constructor arguments.</summary>
    public sealed record AlertFiring
    {
        public required string DedupKey { get; init; }
        public required string Summary { get; init; }
        public required int IncidentId { get; init; }
    }

    /// <summary>
    /// Every firing in [from, to) of the alerts on incidents in scope. A source that flaps resolves and comes back as a
    /// new alert with the same dedup key, so flapping is counted per key over all its alerts, not per alert.
    /// </summary>
    public static IQueryable<AlertFiring> Firings(AppDbContext db, IQueryable<Incident> scope, DateTime from, DateTime to) =>
        db.AlertOccurrences.Where(o => (o.Action == OccurrenceAction.Trigger || o.Action == OccurrenceAction.Repeat) && o.At >= from && o.At < to)
            .Join(db.Alerts.Where(a => scope.Any(i => i.Id == a.IncidentId)), o => o.AlertId, a => a.Id,
                (o, a) => new AlertFiring { DedupKey = a.DedupKey, Summary = a.Summary, IncidentId = a.IncidentId });

    /// <summary>Reported before <paramref name="at"/>, and neither finally resolved nor cancelled by then.</summary>
    public static IQueryable<Incident> OpenAt(IQueryable<Incident> scope, DateTime at) =>
        scope.Where(i => i.CreatedAt < at && (i.ResolvedAt == null || i.ResolvedAt >= at) && (i.CancelledAt == null || i.CancelledAt >= at));

    /// <summary>Open at some moment of [from, to).</summary>
    public static IQueryable<Incident> OpenDuring(IQueryable<Incident> scope, DateTime from, DateTime to) =>
        scope.Where(i => i.CreatedAt < to && (i.ResolvedAt == null || i.ResolvedAt >= from) && (i.CancelledAt == null || i.CancelledAt >= from));

    public static IQueryable<SlaClock> Measured(AppDbContext db, SlaClockKind kind, DateTime from, DateTime to) =>
        db.SlaClocks.Where(c => c.Kind == kind && c.StoppedAt >= from && c.StoppedAt < to
            && (c.State == SlaClockState.Met || c.State == SlaClockState.Breached));

    /// <summary>
    /// Either clock: stopped breached in the range, or not stopped with its due time passed inside the range: still
    /// counting (Breached), or put on hold after passing it (Paused: a paused clock keeps only a due time it has passed).
    /// </summary>
    public static IQueryable<SlaClock> BreachedAny(AppDbContext db, DateTime from, DateTime to, DateTime now) =>
        db.SlaClocks.Where(c => (c.State == SlaClockState.Breached && c.StoppedAt >= from && c.StoppedAt < to)
            || (c.StoppedAt == null && (c.State == SlaClockState.Breached || c.State == SlaClockState.Paused)
                && c.DueAt >= from && c.DueAt < to && c.DueAt <= now));

    /// <summary>One clock, breached as <see cref="BreachedAny"/> says.</summary>
    public static IQueryable<SlaClock> Breached(AppDbContext db, SlaClockKind kind, DateTime from, DateTime to, DateTime now) =>
        BreachedAny(db, from, to, now).Where(c => c.Kind == kind);

    /// <summary>A "priority:P1", "team:3", "team:none", "service:4", "category:5", "user:&lt;id&gt;" or "all" key, applied.</summary>
    public static IQueryable<Incident> Dimension(AppDbContext db, IQueryable<Incident> incidents, string key)
    {
        if (key == ReportSlice.AllKey) return incidents;
        if (ReportSlice.Dimension(key) is not { } named) return None(db);
        var (dimension, value) = named;
        int? id = int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
        var none = value == "none";
        if (!none && id is null && dimension is "team" or "service" or "category") return None(db);
        return dimension switch
        {
            "priority" when Enum.TryParse<Priority>(value, out var p) && Enum.IsDefined(p) && value.StartsWith('P') => incidents.Where(i => i.Priority == p),
            "team" => none ? incidents.Where(i => i.AssignmentGroupId == null) : incidents.Where(i => i.AssignmentGroupId == id),
            "service" => none ? incidents.Where(i => i.ServiceId == null) : incidents.Where(i => i.ServiceId == id),
            "category" => none ? incidents.Where(i => i.CategoryId == null) : incidents.Where(i => i.CategoryId == id),
            "user" => incidents.Where(i => i.AssigneeId == value),
            _ => None(db),
        };
    }

    /// <summary>A day or ISO week key as UTC instants, clipped to the filter's range.</summary>
    public static bool Period(ReportFilter filter, string key, out DateTime from, out DateTime to)
    {
        DateOnly first, last;
        if (ReportDays.TryParseDay(key, out var day)) (first, last) = (day, day);
        else if (ReportDays.TryParseWeek(key, out var monday)) (first, last) = (monday, monday.AddDays(6));
        else { from = to = default; return false; }
        if (first < filter.From) first = filter.From;
        if (last > filter.To) last = filter.To;
        from = ReportDays.StartOfDayUtc(first, filter.Zone);
        to = ReportDays.StartOfDayUtc(last.AddDays(1), filter.Zone);
        if (to < from) to = from;
        return true;
    }

    private static IQueryable<Incident> None(AppDbContext db) => db.Incidents.Where(i => false);
}

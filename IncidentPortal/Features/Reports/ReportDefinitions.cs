namespace IncidentPortal.Features.Reports;

/// <summary>A figure's title and its "how is this measured" note: written once here, shown on the page, in the API and the digest.</summary>
public sealed record ReportDefinition(string Key, string Title, string HowMeasured);

/// <summary>Every definition the reports use. Tests pin the computations to these words.</summary>
public static class ReportDefinitions
{
    public const int FlappingThreshold = 3;

    public static readonly ReportDefinition Created = new("created", "Created",
        "Incidents reported in the range, counted on the day they were reported in your time zone.");
    public static readonly ReportDefinition Resolved = new("resolved", "Resolved",
        "Incidents whose final resolution falls in the range (a reopened incident counts when it is resolved again); cancelled incidents are not resolutions.");
    public static readonly ReportDefinition Backlog = new("backlog", "Backlog",
        "Incidents open at the end of each day (or week): reported by then and neither resolved nor cancelled by then. An incident resolved and later reopened counts as open from its report until its final resolution.");
    public static readonly ReportDefinition OpenByAge = new("open-age", "Open by age",
        "Incidents open now, by time since they were reported (calendar time). Filters apply; the date range does not.");
    public static readonly ReportDefinition Mtta = new("mtta", "Time to first response (MTTA)",
        "First response − reported, for incidents first responded to in the range. The first response is what the SLA engine counts: an agent assigning the incident or replying publicly. Median and 90th percentile.");
    public static readonly ReportDefinition MttaBusiness = new("mtta-business", "Time to first response, business time",
        "The same interval counted on the incident's SLA calendar (its business hours and holidays), as the response SLA clock measures it, pauses excluded.");
    public static readonly ReportDefinition Mttr = new("mttr", "Time to resolve (MTTR)",
        "Final resolution − reported, for incidents resolved in the range; an incident reopened and resolved again counts once, with its final resolution. Cancelled incidents are excluded and counted separately. Median and 90th percentile.");
    public static readonly ReportDefinition MttrBusiness = new("mttr-business", "Time to resolve, business time",
        "Business time on the incident's SLA calendar while the resolution clock ran: On-hold time for a pausing reason and time spent resolved before a reopen are not counted.");
    public static readonly ReportDefinition Cancelled = new("cancelled", "Cancelled",
        "Incidents cancelled in the range. They are left out of MTTR.");
    public static readonly ReportDefinition Reopened = new("reopened", "Reopen rate",
        "Share of the incidents resolved in the range that had been reopened at least once (reopens are counted on the incident).");
    public static readonly ReportDefinition FirstContact = new("first-contact", "First-contact resolution",
        "Share of the incidents resolved in the range that were never reopened and never moved to another team or person after the first assignment.");
    public static readonly ReportDefinition Reassignments = new("reassignments", "Reassignments per incident",
        "Average number of team or assignee changes after the first assignment, over the incidents resolved in the range (\"ping-pong\").");
    public static readonly ReportDefinition SlaResponse = new("sla-response", "Response SLA compliance",
        "Met ÷ (met + breached) for response clocks that stopped in the range. Clocks still running or cancelled without a verdict are not counted.");
    public static readonly ReportDefinition SlaResolution = new("sla-resolution", "Resolution SLA compliance",
        "Met ÷ (met + breached) for resolution clocks that stopped in the range (exactly on target counts as met).");
    public static readonly ReportDefinition SlaBreaches = new("sla-breaches", "SLA breaches",
        "Clocks that exceeded their target in the range: stopped breached, or still running (or put on hold) past their due time. The reason is what the clock shows.");
    public static readonly ReportDefinition TopServices = new("top-services", "Top services",
        "Incidents reported in the range per service, and minutes the service's status-page components were not operational in the range.");
    public static readonly ReportDefinition TopCategories = new("top-categories", "Top categories",
        "Incidents reported in the range per category (a subcategory counts under itself).");
    public static readonly ReportDefinition AlertNoise = new("alert-noise", "Alerts per incident",
        "Alerts received in the range ÷ incidents they raised or joined. A flapping alert fired at least 3 times in the range: repeats and each return after a recovery count, acknowledgements and recoveries do not.");
    public static readonly ReportDefinition MajorReviewed = new("major-reviewed", "Major incidents reviewed",
        "Major incidents declared in the range, and how many of them have a published post-incident review.");
    public static readonly ReportDefinition ActionItems = new("action-items", "Action items closed on time",
        "Action items due on a day of the range: closed by their due date, versus closed late or still open after it (one due today and still open is neither yet).");
    public static readonly ReportDefinition Load = new("load", "Load per person",
        "Incidents assigned to the person that were open at some time in the range (by current assignee), and how many of those they resolved.");
    public static readonly ReportDefinition OffHours = new("off-hours", "Off-hours pages",
        "Pages (paging-policy notifications) sent to the person in the range outside their team's business hours, on the calendar of the team's SLA policy.");

    /// <summary>Age buckets of open incidents, as keys of <see cref="ReportSlice.Kinds.OpenAge"/>.</summary>
    public static readonly IReadOnlyList<(string Key, TimeSpan From, TimeSpan? To)> AgeBuckets =
    [
        ("0-1d", TimeSpan.Zero, TimeSpan.FromDays(1)),
        ("1-7d", TimeSpan.FromDays(1), TimeSpan.FromDays(7)),
        ("7-30d", TimeSpan.FromDays(7), TimeSpan.FromDays(30)),
        ("30d+", TimeSpan.FromDays(30), null),
    ];

    public static string AgeBucketLabel(string key) => key switch
    {
        "0-1d" => "less than a day",
        "1-7d" => "1 to 7 days",
        "7-30d" => "7 to 30 days",
        "30d+" => "30 days or more",
        _ => key,
    };
}

using System.Diagnostics.CodeAnalysis;
using IncidentPortal.Features.Time;

namespace IncidentPortal.Features.Reports;

/// <summary>
/// What one chart segment or table row counted, so it can be shown as incidents: a <see cref="Kind"/> (the population,
/// see <see cref="ReportSlice.Kinds"/>) and a <see cref="Key"/> narrowing it: a day ("2026-12-01"), an ISO week
/// ("2026-W49"), an age bucket ("7-30d"), a dimension ("priority:P1", "team:3", "team:none", "service:4",
/// "category:5", "user:&lt;id&gt;") or "all". SLA kinds may prefix the clock: "response:P1", "resolution:team:3".
/// Always read together with the <see cref="ReportFilter"/> it came from: <see cref="ReportsService.Matching"/>.
/// In an address: "created~2026-12-01" (<see cref="Format"/>, <see cref="TryParse"/>).
/// </summary>
public sealed record ReportSlice(string Kind, string Key)
{
    public const char Separator = '~';
    public const int MaxLength = 120;

    public static class Kinds
    {
        /// <summary>Reported in the period (key: day, week, or a dimension).</summary>
        public const string Created = "created";
        /// <summary>Finally resolved in the period, cancelled excluded (key: day, week, or a dimension): the MTTR population.</summary>
        public const string Resolved = "resolved";
        /// <summary>First response in the range (key: a dimension): the MTTA population.</summary>
        public const string Responded = "responded";
        /// <summary>Open at the end of the day or week (key: day or week).</summary>
        public const string Backlog = "backlog";
        /// <summary>Open now, by how long since reported (key: an age bucket, <see cref="ReportDefinitions.AgeBuckets"/>).</summary>
        public const string OpenAge = "open-age";
        /// <summary>Cancelled in the range: left out of MTTR, counted here.</summary>
        public const string Cancelled = "cancelled";
        /// <summary>Resolved in the range after at least one reopen.</summary>
        public const string Reopened = "reopened";
        /// <summary>Resolved in the range by the first agent who took it, without reassignment or reopen.</summary>
        public const string FirstContact = "first-contact";
        /// <summary>Resolved in the range after at least one reassignment: a team or assignee change replacing an earlier one.</summary>
        public const string Reassigned = "reassigned";
        /// <summary>SLA clock stopped in the range with a verdict (key: "response:…" or "resolution:…").</summary>
        public const string SlaMeasured = "sla";
        /// <summary>SLA clock stopped (or still running) breached in the range (key: "response:…" or "resolution:…").</summary>
        public const string SlaBreach = "sla-breach";
        /// <summary>SLA clock stopped breached in the range: the breached verdicts of a compliance row (key as <see cref="SlaMeasured"/>).
        /// Unlike <see cref="SlaBreach"/>, not the clocks still running past their due time, which have no verdict yet.</summary>
        public const string SlaMissed = "sla-missed";
        /// <summary>Major incidents declared in the range (key: "all" or "reviewed").</summary>
        public const string Major = "major";
        /// <summary>Raised by monitoring alerts in the range (key: "all" or "flapping").</summary>
        public const string Alert = "alert";
        /// <summary>Assigned to the person and open at some time in the range (key: "user:&lt;id&gt;").</summary>
        public const string Load = "load";
        /// <summary>Paged the person outside their team's business hours in the range (key: "user:&lt;id&gt;").</summary>
        public const string OffHours = "off-hours";

        public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
        {
            Created, Resolved, Responded, Backlog, OpenAge, Cancelled, Reopened, FirstContact, Reassigned, SlaMeasured,
            SlaBreach, SlaMissed, Major, Alert, Load, OffHours,
        };
    }

    public const string AllKey = "all";

    public static ReportSlice Of(string kind, string key = AllKey) => new(kind, key);

    public string Format() => $"{Kind}{Separator}{Key}";

    public override string ToString() => Format();

    public static bool TryParse(string? text, [NotNullWhen(true)] out ReportSlice? slice)
    {
        slice = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength) return false;
        var at = text.IndexOf(Separator, StringComparison.Ordinal);
        var (kind, key) = at < 0 ? (text.Trim(), AllKey) : (text[..at].Trim(), text[(at + 1)..].Trim());
        if (!Kinds.All.Contains(kind) || key.Length == 0 || key.Any(char.IsControl)) return false;
        slice = new ReportSlice(kind, key);
        return true;
    }

    /// <summary>The dimension a key names, when it names one: ("priority","P1"), ("team","3"), ("team","none").</summary>
    public static (string Dimension, string Value)? Dimension(string key)
    {
        if (key.Length == 2 && key[0] == 'P' && char.IsAsciiDigit(key[1])) return ("priority", key);
        var at = key.IndexOf(':', StringComparison.Ordinal);
        return at <= 0 ? null : (key[..at], key[(at + 1)..]);
    }

    /// <summary>For SLA kinds: the clock ("response"/"resolution") and the rest of the key.</summary>
    public (string Clock, string Remainder) SlaParts()
    {
        var at = Key.IndexOf(':', StringComparison.Ordinal);
        var clock = at < 0 ? Key : Key[..at];
        return (clock, at < 0 ? AllKey : Key[(at + 1)..]);
    }

    /// <summary>What the slice holds, in words: "Created on Tue 1 Dec 2026". <paramref name="nameOf"/> turns a
    /// dimension and id into a name ("team", "3" → "Network"); without it ids are shown.</summary>
    public string Label(Func<string, string, string?>? nameOf = null)
    {
        var what = Kind switch
        {
            Kinds.Created => "Created",
            Kinds.Resolved => "Resolved",
            Kinds.Responded => "First response",
            Kinds.Backlog => "Open at the end of",
            Kinds.OpenAge => "Open now",
            Kinds.Cancelled => "Cancelled",
            Kinds.Reopened => "Resolved after a reopen",
            Kinds.FirstContact => "Resolved at first contact",
            Kinds.Reassigned => "Resolved after reassignment",
            Kinds.SlaMeasured => "SLA measured",
            Kinds.SlaBreach => "SLA breached",
            Kinds.SlaMissed => "SLA missed",
            Kinds.Major => "Major incidents",
            Kinds.Alert => "Raised by alerts",
            Kinds.Load => "Assigned",
            Kinds.OffHours => "Off-hours pages",
            _ => Kind,
        };
        if (Kind is Kinds.SlaMeasured or Kinds.SlaBreach or Kinds.SlaMissed)
        {
            var (clock, rest) = SlaParts();
            var clockName = clock == "response" ? "Response" : "Resolution";
            return rest == AllKey ? $"{clockName} {what}" : $"{clockName} {what}, {KeyLabel(rest, nameOf)}";
        }
        if (Kind == Kinds.OpenAge) return $"{what} for {ReportDefinitions.AgeBucketLabel(Key)}";
        if (Kind == Kinds.Major && Key == "reviewed") return "Major incidents with a published review";
        if (Kind == Kinds.Alert && Key == "flapping") return "Raised by flapping alerts";
        if (ReportDays.TryParseDay(Key, out var day))
            return Kind == Kinds.Backlog ? $"{what} {TimeText.Date(day)}" : $"{what} on {TimeText.Date(day)}";
        if (ReportDays.TryParseWeek(Key, out var monday))
            return Kind == Kinds.Backlog ? $"{what} the week of {TimeText.Date(monday)}" : $"{what} in the week of {TimeText.Date(monday)}";
        return Key == AllKey ? what : $"{what}, {KeyLabel(Key, nameOf)}";
    }

    private static string KeyLabel(string key, Func<string, string, string?>? nameOf)
    {
        if (Dimension(key) is not { } named) return key;
        var (dimension, value) = named;
        if (value == "none") return $"no {dimension}";
        if (dimension == "priority") return value;
        return nameOf?.Invoke(dimension, value) is { } name ? name : $"{dimension} {value}";
    }
}

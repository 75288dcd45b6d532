using IncidentPortal.Features.Accounts;

namespace IncidentPortal.Features.Reports.Digest;

/// <summary>One week's headline figures, each with the week before's value as its <see cref="ReportFigure.Previous"/>.</summary>
public sealed record WeeklyDigest(ReportFilter Range, IReadOnlyList<ReportFigure> Figures);

/// <summary>
/// Computes a digest with <see cref="ReportsService"/> as the recipient (an <see cref="Actor"/>), so it shows exactly what
/// the Reports page would show them for the same range: the numbers in the mail and behind its link agree.
/// </summary>
public sealed class WeeklyDigestBuilder(ReportsService reports)
{
    /// <summary>The figures of the digest, in order, each from its Reports section, with the digest's wording.</summary>
    public static readonly IReadOnlyList<(string Section, string Key, string Title)> Lines =
    [
        ("volume", "created", "Created"),
        ("volume", "resolved", "Resolved"),
        ("volume", "backlog", "Backlog at the end of the week"),
        ("speed", "mtta-median", "Time to first response (MTTA), median"),
        ("speed", "mttr-median", "Time to resolve (MTTR), median"),
        ("sla", "sla-response", "Response SLA compliance"),
        ("sla", "sla-resolution", "Resolution SLA compliance"),
        ("sla", "sla-breaches", "SLA breaches"),
        // Quality's reopen rate (a share), not Speed's count of the same key.
        ("quality", "reopened", "Reopen rate"),
        ("quality", "major", "Major incidents"),
    ];

    public async Task<WeeklyDigest> BuildAsync(Actor actor, ReportFilter range, CancellationToken ct = default)
    {
        if (!DigestSchedule.IsFor(actor)) throw new UnauthorizedAccessException("The weekly digest is for incident managers and admins.");
        var now = await FiguresAsync(actor, range, ct);
        // The week before is computed on its own: the sections leave some figures' trend out (breaches, quality).
        var before = await FiguresAsync(actor, range.PreviousPeriod(), ct);
        return new WeeklyDigest(range, [.. Lines.Select(line => now[(line.Section, line.Key)] with
        {
            Title = line.Title, Previous = before[(line.Section, line.Key)].Value,
        })]);
    }

    private async Task<Dictionary<(string, string), ReportFigure>> FiguresAsync(Actor actor, ReportFilter range, CancellationToken ct)
    {
        IEnumerable<(string, ReportFigure)> In(string section, IEnumerable<ReportFigure> figures) => figures.Select(f => (section, f));
        var all = In("volume", (await reports.VolumeAsync(actor, range, ct)).Headline)
            .Concat(In("speed", (await reports.SpeedAsync(actor, range, ct)).Headline))
            .Concat(In("sla", (await reports.SlaAsync(actor, range, ct)).Headline))
            .Concat(In("quality", (await reports.QualityAsync(actor, range, ct)).Headline));
        return all.ToDictionary(x => (x.Item1, x.Item2.Key), x => x.Item2);
    }
}

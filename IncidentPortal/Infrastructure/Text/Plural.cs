using System.Globalization;

namespace IncidentPortal.Infrastructure.Text;

/// <summary>Counts with the right noun: "1 incident", "2 incidents", "0 incidents", "1 entry", "3 entries".</summary>
public static class Plural
{
    /// <param name="plural">The plural when it is not <paramref name="singular"/> + "s" ("entries", "people").</param>
    public static string Count(long count, string singular, string? plural = null) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + Word(count, singular, plural);

    public static string Word(long count, string singular, string? plural = null) =>
        count == 1 || count == -1 ? singular : plural ?? singular + "s";

    /// <summary>"is"/"are" for a count, for sentences like "3 incidents are open".</summary>
    public static string Verb(long count, string singular = "is", string plural = "are") => count == 1 ? singular : plural;
}

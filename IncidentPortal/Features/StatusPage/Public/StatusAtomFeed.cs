using System.Globalization;
using System.Xml.Linq;

namespace IncidentPortal.Features.StatusPage.Public;

/// <summary>/status/history.atom: an Atom 1.0 feed with one entry per published public incident update, newest first.</summary>
public static class StatusAtomFeed
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public const int MaxEntries = 50;

    public static string Write(StatusSnapshot snapshot, string name, string baseUrl)
    {
        var entries = snapshot.Incidents.SelectMany(i => i.Updates.Select(u => (Incident: i, Update: u)))
            .OrderByDescending(x => x.Update.At).ThenByDescending(x => x.Update.Id).Take(MaxEntries).ToList();
        var updated = entries.Count > 0 ? entries[0].Update.At : snapshot.BuiltAt == DateTime.MinValue ? DateTime.UnixEpoch : snapshot.BuiltAt;
        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "id", $"{baseUrl}/status/history.atom"),
            new XElement(Atom + "title", $"{name} status – incident history"),
            new XElement(Atom + "updated", Stamp(updated)),
            new XElement(Atom + "author", new XElement(Atom + "name", name)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("type", "application/atom+xml"), new XAttribute("href", $"{baseUrl}/status/history.atom")),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", $"{baseUrl}/status")),
            entries.Select(x => new XElement(Atom + "entry",
                new XElement(Atom + "id", $"{baseUrl}/status/incidents/{x.Incident.Id}#update-{x.Update.Id}"),
                new XElement(Atom + "title", $"{x.Incident.Title} – {x.Update.Phase}"),
                new XElement(Atom + "updated", Stamp(x.Update.At)),
                new XElement(Atom + "published", Stamp(x.Update.At)),
                new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", $"{baseUrl}/status/incidents/{x.Incident.Id}")),
                new XElement(Atom + "content", new XAttribute("type", "text"), Content(x.Update)))));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), feed).Declaration + "\n" + feed;
    }

    private static string Content(UpdateView update) => update.Affected.Count == 0 ? update.Message
        : $"{update.Message}\n\nAffected: {string.Join(", ", update.Affected.Select(a => $"{a.ComponentName} ({StatusText.Label(a.Status)})"))}";

    private static string Stamp(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.MajorIncidents;

/// <summary>
/// Everything written in a major incident's log (lifecycle, roles, working notes, updates) is also part of its
/// incident's timeline, as internal entries under one topic, so the incident's record is whole without the war room.
/// </summary>
public static class MajorIncidentTimeline
{
    public const string Topic = "Major incident";

    /// <summary>Mirrors the log entries written since <paramref name="logCountBefore"/> onto the incident, in the same unit of work.</summary>
    public static async Task MirrorAsync(AppDbContext db, MajorIncident major, int logCountBefore, Incident? incident, CancellationToken ct)
    {
        var written = major.Log.Skip(logCountBefore).ToList();
        if (written.Count == 0) return;
        incident ??= await db.Incidents.SingleAsync(i => i.Id == major.IncidentId, ct);
        foreach (var entry in written) incident.Mirror(new ChangeContext(entry.ActorId, entry.At, ActorIsAgent: true), Topic, Line(entry));
    }

    public static string Line(ResponseLogEntry entry) => entry.Kind switch
    {
        LogEntryKind.Fact => $"Fact: {entry.Text}",
        LogEntryKind.Decision => $"Decision: {entry.Text}",
        LogEntryKind.Communication => $"Stakeholder update: {entry.Text}",
        LogEntryKind.Note => $"War room: {entry.Text}",
        _ => entry.Text,
    };
}

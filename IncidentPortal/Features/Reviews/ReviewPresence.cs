using System.Collections.Concurrent;
using IncidentPortal.Infrastructure.Events;

namespace IncidentPortal.Features.Reviews;

/// <summary>Someone with a review open; <see cref="SectionId"/> is the section they are editing, if any.</summary>
public sealed record PresenceEntry(string SessionId, string UserId, string Name, int? SectionId);

/// <summary>
/// Who has which review open and which section each is editing, in memory (per app instance: presence is a hint, not
/// a record). A page joins when its circuit renders the review and leaves when the component is disposed, which
/// Blazor does when the circuit ends; every change is broadcast as <see cref="ReviewPresenceChanged"/>.
/// </summary>
public sealed class ReviewPresence(IEventBus events)
{
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<string, PresenceEntry>> reviews = new();

    public Task JoinAsync(int reviewId, string sessionId, string userId, string name) =>
        SetAsync(reviewId, new PresenceEntry(sessionId, userId, name, null));

    public Task EditingAsync(int reviewId, string sessionId, string userId, string name, int? sectionId) =>
        SetAsync(reviewId, new PresenceEntry(sessionId, userId, name, sectionId));

    public async Task LeaveAsync(int reviewId, string sessionId)
    {
        if (reviews.TryGetValue(reviewId, out var sessions) && sessions.TryRemove(sessionId, out _))
            await events.PublishAsync(new ReviewPresenceChanged(reviewId));
    }

    /// <summary>Everyone on the review, one entry per person (a person editing in any of their tabs counts as editing).</summary>
    public IReadOnlyList<PresenceEntry> On(int reviewId) => !reviews.TryGetValue(reviewId, out var sessions)
        ? []
        : sessions.Values.GroupBy(e => e.UserId)
            .Select(g => g.FirstOrDefault(e => e.SectionId is not null) ?? g.First())
            .OrderBy(e => e.Name).ToList();

    private async Task SetAsync(int reviewId, PresenceEntry entry)
    {
        var sessions = reviews.GetOrAdd(reviewId, _ => new());
        if (sessions.TryGetValue(entry.SessionId, out var existing) && existing == entry) return;
        sessions[entry.SessionId] = entry;
        await events.PublishAsync(new ReviewPresenceChanged(reviewId));
    }
}

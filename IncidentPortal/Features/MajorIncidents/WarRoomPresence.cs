using System.Collections.Concurrent;
using IncidentPortal.Infrastructure.Events;

namespace IncidentPortal.Features.MajorIncidents;

/// <summary>Someone with a war room open (one entry per browser tab).</summary>
public sealed record WarRoomAttendee(string SessionId, string UserId, string Name, DateTime Since);

/// <summary>Someone entered or left a war room.</summary>
public sealed record WarRoomPresenceChanged(int MajorIncidentId);

/// <summary>
/// Who is in which war room now, in memory (per app instance: presence is a hint, not a record), as
/// <see cref="Reviews.ReviewPresence"/> does for reviews. A page joins when its circuit renders the war room and leaves
/// when the component is disposed, which Blazor does when the circuit ends; every change is broadcast.
/// </summary>
public sealed class WarRoomPresence(IEventBus events, TimeProvider clock)
{
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<string, WarRoomAttendee>> rooms = new();

    public async Task JoinAsync(int majorId, string sessionId, string userId, string name)
    {
        var room = rooms.GetOrAdd(majorId, _ => new());
        if (!room.TryAdd(sessionId, new WarRoomAttendee(sessionId, userId, name, clock.GetUtcNow().UtcDateTime))) return;
        await events.PublishAsync(new WarRoomPresenceChanged(majorId));
    }

    public async Task LeaveAsync(int majorId, string sessionId)
    {
        if (rooms.TryGetValue(majorId, out var room) && room.TryRemove(sessionId, out _))
            await events.PublishAsync(new WarRoomPresenceChanged(majorId));
    }

    /// <summary>Everyone in the room, once per person (several tabs count once, from their first), by name.</summary>
    public IReadOnlyList<WarRoomAttendee> In(int majorId) => !rooms.TryGetValue(majorId, out var room)
        ? []
        : [.. room.Values.GroupBy(a => a.UserId).Select(g => g.MinBy(a => a.Since)!).OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase)];
}

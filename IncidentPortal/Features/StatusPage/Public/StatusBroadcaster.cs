using System.Collections.Concurrent;
using System.Threading.Channels;

namespace IncidentPortal.Features.StatusPage.Public;

/// <summary>
/// One shared broadcaster for every live viewer of the status page (Server-Sent Events): a viewer costs one
/// one-slot mailbox holding the newest version only, so a slow viewer can never make memory grow.
/// </summary>
public sealed class StatusBroadcaster
{
    private readonly ConcurrentDictionary<Channel<long>, byte> viewers = new();

    public int ViewerCount => viewers.Count;

    /// <summary>Joins, or returns null when <paramref name="limit"/> viewers are already connected.</summary>
    public Viewer? Join(int limit)
    {
        if (viewers.Count >= limit) return null;
        var mailbox = Channel.CreateBounded<long>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        viewers.TryAdd(mailbox, 0);
        return new Viewer(this, mailbox);
    }

    public void Broadcast(long version)
    {
        foreach (var mailbox in viewers.Keys) mailbox.Writer.TryWrite(version);
    }

    public sealed class Viewer(StatusBroadcaster owner, Channel<long> mailbox) : IDisposable
    {
        public ChannelReader<long> Versions => mailbox.Reader;
        public void Dispose() => owner.viewers.TryRemove(mailbox, out _);
    }
}

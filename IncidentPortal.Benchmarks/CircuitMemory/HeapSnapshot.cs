using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace IncidentPortal.Benchmarks.CircuitMemory;

/// <summary>Live objects of one type after the snapshot's full GC.</summary>
internal sealed record TypeStat(string Name, long Bytes, long Count)
{
    /// <summary>Object size → how many, for the types <see cref="HeapSnapshot.TakeAsync"/> was asked to break down.</summary>
    public IReadOnlyDictionary<long, long>? Sizes { get; init; }
}

/// <summary>
/// The managed heap of another .NET process after a full, blocking GC, read from outside through the runtime's
/// diagnostic port (EventPipe) without changing the process: the same mechanism as <c>dotnet-gcdump</c>. Enabling the
/// runtime's GCHeapCollect keyword makes it run an induced, blocking gen-2 GC and walk the live objects during it
/// (GCBulkNode / GCBulkType events). Two figures come from that one GC:
/// <list type="bullet">
/// <item><see cref="LiveBytes"/>: the GC's own count of the bytes that survived it (GCHeapStats, TotalPromotedSize of
/// gen 0, 1, 2, LOH and POH), one event, so it cannot be partly lost;</item>
/// <item><see cref="WalkedBytes"/>: the sum of the objects the heap walk reported, which also gives the figures by type.</item>
/// </list>
/// Live bytes are what a compacting GC would leave; whether this GC compacted or swept only changes
/// <see cref="HeapSizeAfterGc"/> (live bytes plus free space between them).
/// (dotnet-gcdump 10.0.750501's <c>report</c> prints wrong per-type byte totals, so the types are summed here.)
/// </summary>
internal sealed record HeapSnapshot(
    long LiveBytes, long HeapSizeAfterGc, long WalkedBytes, long WalkedObjects, int EventsLost, int GcNumber,
    IReadOnlyDictionary<string, TypeStat> Types)
{
    public long CountOf(string typeName) => Types.TryGetValue(typeName, out var t) ? t.Count : 0;

    /// <param name="sizesOf">Types (as named here) whose objects' sizes are also counted one by one, e.g. RenderTreeFrame[].</param>
    public static async Task<HeapSnapshot> TakeAsync(int processId, TimeSpan timeout, IReadOnlyCollection<string>? sizesOf = null)
    {
        var client = new DiagnosticsClient(processId);
        EventPipeProvider[] providers =
        [
            new("Microsoft-Windows-DotNETRuntime", EventLevel.Verbose, (long)ClrTraceEventParser.Keywords.GCHeapSnapshot),
        ];
        // A large buffer in the target: the walk of a 100 MB heap is a few hundred thousand events.
        using var session = client.StartEventPipeSession(providers, requestRundown: false, circularBufferMB: 1024);
        using var source = new EventPipeEventSource(session.EventStream);

        var gcNumber = -1;
        var stopped = false;
        GCHeapStatsTraceData? stats = null;
        var byTypeId = new Dictionary<ulong, (long Bytes, long Count)>();
        var sizesByTypeId = new Dictionary<ulong, Dictionary<long, long>>();
        var types = new Dictionary<ulong, (string Name, bool IsArray, ulong[] Parameters)>();
        long walkedBytes = 0, walkedObjects = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        source.Clr.GCStart += data =>
        {
            // The first blocking gen-2 GC after the session starts is the one the keyword asked for (dotnet-gcdump's rule).
            if (gcNumber < 0 && data.Depth == 2 && data.Type != GCType.BackgroundGC) gcNumber = data.Count;
        };
        source.Clr.GCBulkNode += data =>
        {
            if (gcNumber < 0) return;
            for (var i = 0; i < data.Count; i++)
            {
                var node = data.Values(i);
                byTypeId.TryGetValue(node.TypeID, out var sum);
                byTypeId[node.TypeID] = (sum.Bytes + (long)node.Size, sum.Count + 1);
                if (sizesOf is { Count: > 0 })
                {
                    if (!sizesByTypeId.TryGetValue(node.TypeID, out var sizes)) sizesByTypeId[node.TypeID] = sizes = [];
                    sizes[(long)node.Size] = sizes.GetValueOrDefault((long)node.Size) + 1;
                }
                walkedBytes += (long)node.Size;
                walkedObjects++;
            }
        };
        source.Clr.TypeBulkType += data =>
        {
            for (var i = 0; i < data.Count; i++)
            {
                var type = data.Values(i);
                var parameters = new ulong[type.TypeParameterCount];
                for (var p = 0; p < parameters.Length; p++) parameters[p] = type.TypeParameterID(p);
                types[type.TypeID] = (type.TypeName, (type.Flags & TypeFlags.Array) != 0, parameters);
            }
        };
        source.Clr.GCHeapStats += data =>
        {
            if (gcNumber >= 0 && stats is null) stats = (GCHeapStatsTraceData)data.Clone();
        };
        source.Clr.GCStop += data =>
        {
            if (data.Count == gcNumber) done.TrySetResult();
        };

        var processing = Task.Run(source.Process);
        try
        {
            var finished = await Task.WhenAny(done.Task, processing, Task.Delay(timeout));
            if (finished != done.Task) throw new TimeoutException($"No induced full GC was reported by process {processId} within {timeout.TotalSeconds:0} s.");
            // GCHeapStats and the last walk events may follow GCEnd in the stream; stopping flushes them.
            await Task.Delay(500);
            session.Stop();
            stopped = true;
            if (await Task.WhenAny(processing, Task.Delay(timeout)) != processing)
                throw new TimeoutException("The EventPipe stream did not end after the session was stopped.");
            await processing;
        }
        finally
        {
            if (!stopped)
            {
                try { session.Stop(); } catch (Exception) { /* the process may be gone */ }
            }
        }

        if (stats is null) throw new InvalidOperationException("The runtime sent no GCHeapStats event for the induced GC.");
        var live = (long)(stats.TotalPromotedSize0 + stats.TotalPromotedSize1 + stats.TotalPromotedSize2 + stats.TotalPromotedSize3 + stats.TotalPromotedSize4);
        var size = (long)(stats.GenerationSize0 + stats.GenerationSize1 + stats.GenerationSize2 + stats.GenerationSize3 + stats.GenerationSize4);

        var names = new Dictionary<ulong, string>();
        string NameOf(ulong id, int depth = 0)
        {
            if (names.TryGetValue(id, out var known)) return known;
            if (!types.TryGetValue(id, out var type)) return $"?type 0x{id:x}";
            var name = type.Name;
            if (depth < 8 && type.Parameters.Length > 0)
            {
                if (type.IsArray && !name.EndsWith(']'))
                {
                    name = NameOf(type.Parameters[0], depth + 1) + "[]";
                }
                else if (!type.IsArray && !name.Contains('<'))
                {
                    var tick = name.IndexOf('`');
                    name = (tick >= 0 ? name[..tick] : name) + "<" + string.Join(",", type.Parameters.Select(p => NameOf(p, depth + 1))) + ">";
                }
            }
            name = AngleGenerics(name);
            names[id] = name;
            return name;
        }

        var byName = new Dictionary<string, TypeStat>();
        foreach (var (id, sum) in byTypeId)
        {
            var name = NameOf(id);
            var sizes = sizesOf?.Contains(name) == true ? sizesByTypeId.GetValueOrDefault(id) : null;
            byName[name] = byName.TryGetValue(name, out var existing)
                ? existing with { Bytes = existing.Bytes + sum.Bytes, Count = existing.Count + sum.Count, Sizes = Merge(existing.Sizes, sizes) }
                : new TypeStat(name, sum.Bytes, sum.Count) { Sizes = sizes };
        }
        return new HeapSnapshot(live, size, walkedBytes, walkedObjects, source.EventsLost, gcNumber, byName);
    }

    private static Dictionary<long, long>? Merge(IReadOnlyDictionary<long, long>? a, Dictionary<long, long>? b)
    {
        if (a is null) return b;
        var merged = new Dictionary<long, long>(a);
        foreach (var (size, count) in b ?? []) merged[size] = merged.GetValueOrDefault(size) + count;
        return merged;
    }

    /// <summary>The runtime names generic instances <c>Entry[System.Int32,Foo]</c>; write <c>Entry&lt;System.Int32,Foo&gt;</c>
    /// so that only array ranks use square brackets.</summary>
    internal static string AngleGenerics(string name)
    {
        var chars = name.ToCharArray();
        var open = new Stack<(int Index, bool Generic)>();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] == '[')
            {
                var generic = i + 1 < chars.Length && chars[i + 1] is not (']' or ',');
                open.Push((i, generic));
                if (generic) chars[i] = '<';
            }
            else if (chars[i] == ']' && open.Count > 0 && open.Pop().Generic)
            {
                chars[i] = '>';
            }
        }
        return new string(chars).Replace("`1<", "<", StringComparison.Ordinal).Replace("`2<", "<", StringComparison.Ordinal).Replace("`3<", "<", StringComparison.Ordinal);
    }
}

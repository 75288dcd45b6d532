namespace IncidentPortal.Benchmarks.CircuitMemory;

/// <summary>
/// The app process's own memory as Linux accounts it (/proc), so Chromium's processes are never counted:
/// working set (VmRSS), anonymous resident memory (RssAnon: the GC heap, native allocations, JIT'd code) and private
/// bytes (Private_Clean + Private_Dirty of smaps_rollup: resident pages no other process shares).
/// </summary>
internal sealed record ProcessMemory(long WorkingSet, long RssAnon, long PrivateBytes)
{
    public static ProcessMemory Read(int processId)
    {
        var status = Fields($"/proc/{processId}/status");
        var rollup = Fields($"/proc/{processId}/smaps_rollup");
        return new ProcessMemory(
            status.GetValueOrDefault("VmRSS"),
            status.GetValueOrDefault("RssAnon"),
            rollup.GetValueOrDefault("Private_Clean") + rollup.GetValueOrDefault("Private_Dirty"));
    }

    /// <summary>"Name:   1234 kB" lines, in bytes.</summary>
    private static Dictionary<string, long> Fields(string path)
    {
        var fields = new Dictionary<string, long>();
        foreach (var line in File.ReadLines(path))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var parts = line[(colon + 1)..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts is [var number, "kB"] && long.TryParse(number, out var kb)) fields[line[..colon]] = kb * 1024;
        }
        return fields;
    }
}

namespace IncidentPortal.Features.Sla;

/// <summary>How SLA durations read: "45m", "8h", "1h 30m", "-2h 5m" (overdue).</summary>
public static class SlaFormat
{
    public static string Duration(TimeSpan span)
    {
        var sign = span < TimeSpan.Zero ? "-" : "";
        var minutes = (long)Math.Floor(Math.Abs(span.TotalMinutes));
        var (h, m) = (minutes / 60, minutes % 60);
        if (h >= 48 && m == 0 && h % 24 == 0) return $"{sign}{h / 24}d";
        return sign + (h == 0 ? $"{m}m" : m == 0 ? $"{h}h" : $"{h}h {m}m");
    }

    /// <summary>Reads "15m", "4h", "1h 30m", "2d", "1.5h" (what <see cref="Duration"/> writes, and what people type).</summary>
    public static bool TryParse(string? text, out TimeSpan span)
    {
        span = TimeSpan.Zero;
        var parts = (text ?? "").Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return false;
        foreach (var part in parts)
        {
            if (part.Length < 2 || !double.TryParse(part[..^1], System.Globalization.NumberStyles.Float,
                    System.Globalization.CultureInfo.InvariantCulture, out var number) || number < 0) return false;
            span += part[^1] switch
            {
                'm' => TimeSpan.FromMinutes(number),
                'h' => TimeSpan.FromHours(number),
                'd' => TimeSpan.FromDays(number),
                _ => TimeSpan.MinValue,
            };
            if (span < TimeSpan.Zero) return false;
        }
        return true;
    }

    /// <summary>With seconds, for a clock ticking on screen: "1h 04m 09s".</summary>
    public static string Ticking(TimeSpan span)
    {
        var sign = span < TimeSpan.Zero ? "-" : "";
        var total = (long)Math.Floor(Math.Abs(span.TotalSeconds));
        var (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
        return h > 0 ? $"{sign}{h}h {m:D2}m {s:D2}s" : $"{sign}{m}m {s:D2}s";
    }

    public static string State(SlaClockReading clock) => clock.State switch
    {
        SlaClockState.Paused => $"Paused: {Incidents.IncidentText.Label(clock.PausedFor!.Value)}",
        SlaClockState.Breached when clock.IsActive => "Breached",
        SlaClockState.Breached => "Breached (stopped)",
        _ => clock.State.ToString(),
    };
}

namespace IncidentPortal.Features.Incidents;

/// <summary>How a timeline entry reads to a person.</summary>
public static class ActivityText
{
    public static string Summary(IncidentActivity a) => a.Kind switch
    {
        ActivityKind.Created => a.Text ?? "Created",
        ActivityKind.PublicComment => $"Comment: {Shorten(a.Text)}",
        ActivityKind.WorkNote => $"Work note: {Shorten(a.Text)}",
        ActivityKind.Event => a.Text ?? a.Field ?? "Event",
        ActivityKind.StatusChanged => $"Status: {StatusLabel(a.OldValue)} → {StatusLabel(a.NewValue)}" + (a.Text is null ? "" : $" ({a.Text})"),
        _ when a.OldValue is null && a.NewValue is null => a.Text ?? a.Field ?? "Changed",
        _ => $"{a.Field}: {a.OldValue ?? "(none)"} → {a.NewValue ?? "(none)"}" + (a.Text is null ? "" : $" ({a.Text})"),
    };

    private static string StatusLabel(string? status) =>
        Enum.TryParse<IncidentStatus>(status, out var parsed) ? IncidentText.Label(parsed) : status ?? "(none)";

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 80 ? text : text[..77] + "…";
}

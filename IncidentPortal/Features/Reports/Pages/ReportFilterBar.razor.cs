using System.Globalization;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Time;
using Microsoft.AspNetCore.Components;

namespace IncidentPortal.Features.Reports.Pages;

public sealed partial class ReportFilterBar
{
    private const string AnyTeam = "Any team";
    private const string AnyService = "Any service";
    private const string AnyCategory = "Any category";

    private static readonly ReportPreset[] Presets = [ReportPreset.Last7Days, ReportPreset.Last30Days, ReportPreset.Last90Days, ReportPreset.ThisQuarter, ReportPreset.Custom];
    private static readonly (string, string)[] PresetOptions = [.. Presets.Select(p => (PresetKey(p), ReportFilter.Label(p)))];
    private static readonly (string, string)[] PriorityOptions = [("", "Any priority"), .. Enum.GetValues<Priority>().Select(p => (p.ToString(), p.ToString()))];
    private static readonly (string, string)[] SourceOptions =
        [("", "Any source"), .. Enum.GetValues<ReportSource>().Select(s => (s.ToString(), ReportFilter.Label(s)))];

    [Parameter, EditorRequired] public ReportFilter Filter { get; set; } = default!;
    /// <summary>Teams, services and categories to choose from (the queue's lists).</summary>
    [Parameter, EditorRequired] public QueueFilterOptions Names { get; set; } = default!;
    /// <summary>Today in the viewer's zone: where a preset ends.</summary>
    [Parameter, EditorRequired] public DateOnly Today { get; set; }
    [Parameter] public EventCallback<ReportFilter> OnChange { get; set; }

    private string fromText = "";
    private string toText = "";
    private string? error;

    protected override void OnParametersSet()
    {
        (fromText, toText) = (ReportDays.DayKey(Filter.From), ReportDays.DayKey(Filter.To));
        error = null;
    }

    private string ZoneName => $"({Filter.TimeZoneId})";

    private Task Change(ReportFilter next) => next == Filter ? Task.CompletedTask : OnChange.InvokeAsync(next);

    /// <summary>A preset ends today; Custom keeps the days shown so they can be edited.</summary>
    private Task ChangePreset(string value)
    {
        var preset = Presets.FirstOrDefault(p => PresetKey(p) == value, ReportPreset.Last30Days);
        if (preset == ReportPreset.Custom) return Change(Filter with { Preset = ReportPreset.Custom });
        var days = ReportFilter.ForPreset(preset, Today, Filter.TimeZoneId);
        return Change(Filter with { From = days.From, To = days.To, Preset = preset });
    }

    private async Task ChangeDays(string? from, string? to)
    {
        (fromText, toText) = (from ?? "", to ?? "");
        error = DaysError(fromText, toText, out var first, out var last);
        if (error is null) await Change(Filter with { From = first, To = last, Preset = ReportPreset.Custom });
    }

    /// <summary>Why the pair cannot be used, or null.</summary>
    public static string? DaysError(string from, string to, out DateOnly first, out DateOnly last)
    {
        last = default;
        if (!ReportDays.TryParseDay(from, out first)) return "Enter the first day.";
        if (!ReportDays.TryParseDay(to, out last)) return "Enter the last day.";
        if (last < first) return "The first day must not be after the last.";
        if (last.DayNumber - first.DayNumber >= ReportFilter.MaxDays) return $"A report covers at most {ReportFilter.MaxDays} days.";
        return null;
    }

    public static string PresetKey(ReportPreset preset) => preset.ToString();

    private static string Text(int? id) => id?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static int? Id(string value) => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    private static IReadOnlyList<(string, string)> Choices(IReadOnlyList<QueueOption> options, string any) =>
        [("", any), .. options.Select(o => (o.Id.ToString(CultureInfo.InvariantCulture), o.Name))];
}

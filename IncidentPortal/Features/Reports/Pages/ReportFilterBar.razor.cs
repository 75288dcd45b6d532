using System.Globalization;
using IncidentPortal.Features.Incidents;
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

    private DateTime? fromDate;
    private DateTime? toDate;
    private string? error;

    protected override void OnParametersSet()
    {
        (fromDate, toDate) = (Filter.From.ToDateTime(TimeOnly.MinValue), Filter.To.ToDateTime(TimeOnly.MinValue));
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

    private async Task ChangeDays(DateTime? from, DateTime? to)
    {
        (fromDate, toDate) = (from, to);
        error = DaysError(from, to, out var first, out var last);
        if (error is null) await Change(Filter with { From = first, To = last, Preset = ReportPreset.Custom });
    }

    /// <summary>Why the pair cannot be used, or null.</summary>
    public static string? DaysError(DateTime? from, DateTime? to, out DateOnly first, out DateOnly last)
    {
        (first, last) = (default, default);
        if (from is not { } start) return "Enter the first day.";
        if (to is not { } end) return "Enter the last day.";
        (first, last) = (DateOnly.FromDateTime(start), DateOnly.FromDateTime(end));
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

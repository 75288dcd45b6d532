using System.Globalization;

namespace IncidentPortal.Features.ActionItems.Pages;

/// <summary>How action item values read on screen.</summary>
public static class ActionItemLabels
{
    public static string Due(DateTime? due, ActionItemStatus status, DateTime now)
    {
        if (due is not { } day) return "No due date";
        var days = (now.Date - day.Date).Days;
        if (!ActionItem.IsOpenStatus(status)) return Time.TimeText.Date(DateOnly.FromDateTime(day));
        return days switch
        {
            > 0 => $"{Infrastructure.Text.Plural.Count(days, "day")} overdue",
            0 => "Due today",
            -1 => "Due tomorrow",
            _ => $"Due {day:d MMM yyyy}",
        };
    }
}

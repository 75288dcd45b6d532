using System.Globalization;
using IncidentPortal.Components.Layout;
using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Features.Webhooks.Pages;

/// <summary>How an endpoint's settings and last delivery read in the list.</summary>
public static class WebhookRowText
{
    public static string Events(WebhookEvents events) =>
        string.Join(", ", WebhookEventNames.Split(events).Select(e => e.ToString().ToLowerInvariant()));

    /// <summary>"Network, Database; P1, P2". A team deleted since still narrows the filter, so it is named as such.</summary>
    public static string Filters(WebhookRow hook, IReadOnlyList<Choice<int>> teams)
    {
        var teamNames = hook.TeamIds.Select(id => teams.FirstOrDefault(t => t.Id == id)?.Name ?? $"deleted team #{id}").ToList();
        var forTeams = teamNames.Count == 0 ? "all teams" : string.Join(", ", teamNames);
        var forPriorities = hook.Priorities.Count == 0 ? "all priorities" : string.Join(", ", hook.Priorities);
        return $"{forTeams}; {forPriorities}";
    }

    public static string Last(WebhookRow hook, DateTime now) => !hook.IsEnabled ? "Disabled"
        : hook.Last is { } last ? $"Last delivery: {last.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "no response"}, {LocalTime.Age(now - last.At)}"
        : "Nothing delivered yet";
}

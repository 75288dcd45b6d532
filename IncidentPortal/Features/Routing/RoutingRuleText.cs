using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Features.Routing;

/// <summary>A rule's conditions in words, for the admin list ("Category: Network (and subcategories)").</summary>
public static class RoutingRuleText
{
    public static IReadOnlyList<string> Conditions(RoutingRule rule, IReadOnlyDictionary<int, string> services,
        IReadOnlyDictionary<int, string> categories)
    {
        var parts = new List<string>();
        if (rule.CategoryIds.Count > 0)
            parts.Add("Category: " + string.Join(" or ", rule.CategoryIds.Select(id => categories.GetValueOrDefault(id, "(deleted)"))));
        if (rule.ServiceIds.Count > 0)
            parts.Add("Service: " + string.Join(" or ", rule.ServiceIds.Select(id => services.GetValueOrDefault(id, "(deleted)"))));
        if (rule.Priorities.Count > 0) parts.Add("Priority: " + string.Join(" or ", rule.Priorities));
        if (rule.Sources.Count > 0) parts.Add("Source: " + string.Join(" or ", rule.Sources.Select(SourceLabel)));
        if (rule.Keywords.Count > 0) parts.Add("Words: " + string.Join(", ", rule.Keywords.Select(k => $"\"{k}\"")));
        return parts.Count == 0 ? ["Every new incident"] : parts;
    }

    public static string SourceLabel(IncidentSource source) => source switch
    {
        IncidentSource.Portal => "Portal",
        IncidentSource.Agent => "Logged by an agent",
        IncidentSource.Email => "Email",
        IncidentSource.Monitoring => "Monitoring",
        IncidentSource.Api => "REST API",
        _ => source.ToString(),
    };
}

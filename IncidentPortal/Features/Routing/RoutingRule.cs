using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Teams;

namespace IncidentPortal.Features.Routing;

/// <summary>
/// An admin's rule for where new incidents go: when every given condition holds, the incident is routed to
/// <see cref="TeamId"/> (and its priority raised to at least <see cref="RaisePriorityTo"/>). Rules are tried in
/// <see cref="Position"/> order; the first that matches wins.
/// </summary>
public class RoutingRule
{
    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public bool IsEnabled { get; private set; }
    /// <summary>1-based place in the evaluation order.</summary>
    public int Position { get; internal set; }
    public int TeamId { get; private set; }
    public Team? Team { get; private set; }
    public Priority? RaisePriorityTo { get; private set; }

    public List<int> CategoryIds { get; private set; } = [];
    public List<int> ServiceIds { get; private set; } = [];
    public List<Priority> Priorities { get; private set; } = [];
    public List<IncidentSource> Sources { get; private set; } = [];
    public List<string> Keywords { get; private set; } = [];

    private RoutingRule() { }

    public static RoutingRule Create(RoutingRuleInput input, int position)
    {
        var rule = new RoutingRule { Position = position };
        rule.Update(input);
        return rule;
    }

    /// <summary>Takes the admin's input as it is; <see cref="RoutingRuleValidation"/> has checked it.</summary>
    public void Update(RoutingRuleInput input)
    {
        Name = input.Name.Trim();
        IsEnabled = input.IsEnabled;
        TeamId = input.TeamId ?? throw new ArgumentException("A rule needs a team.", nameof(input));
        RaisePriorityTo = input.RaisePriorityTo;
        CategoryIds = input.CategoryIds.Distinct().Order().ToList();
        ServiceIds = input.ServiceIds.Distinct().Order().ToList();
        Priorities = input.Priorities.Distinct().Order().ToList();
        Sources = input.Sources.Distinct().Order().ToList();
        Keywords = KeywordMatcher.Parse(input.Keywords);
    }

    public void SetEnabled(bool enabled) => IsEnabled = enabled;

    public bool HasConditions => CategoryIds.Count + ServiceIds.Count + Priorities.Count + Sources.Count + Keywords.Count > 0;

    /// <summary>Every condition given must hold; a condition left empty does not restrict.</summary>
    public bool Matches(RoutingSubject subject) =>
        IsEnabled
        && (CategoryIds.Count == 0 || subject.CategoryIds.Any(CategoryIds.Contains))
        && (ServiceIds.Count == 0 || (subject.ServiceId is { } service && ServiceIds.Contains(service)))
        && (Priorities.Count == 0 || Priorities.Contains(subject.Priority))
        && (Sources.Count == 0 || Sources.Contains(subject.Source))
        && (Keywords.Count == 0 || KeywordMatcher.AnyIn(Keywords, subject.Title, subject.Description));

    /// <summary>The first enabled rule, in order, whose conditions all hold.</summary>
    public static RoutingRule? FirstMatch(IEnumerable<RoutingRule> rules, RoutingSubject subject) =>
        rules.OrderBy(r => r.Position).ThenBy(r => r.Id).FirstOrDefault(r => r.Matches(subject));
}

/// <summary>
/// What rules look at in a new incident. <see cref="CategoryIds"/> holds its category and that category's parent, so
/// a rule on "Network" also catches "Network › VPN".
/// </summary>
public sealed record RoutingSubject(string Title, string? Description, int? ServiceId, IReadOnlyList<int> CategoryIds,
    Priority Priority, IncidentSource Source);

/// <summary>A rule as the admin enters it. <see cref="Keywords"/> is free text: comma- or line-separated words or phrases.</summary>
public sealed record RoutingRuleInput(string Name, bool IsEnabled, int? TeamId, Priority? RaisePriorityTo,
    IReadOnlyList<int> CategoryIds, IReadOnlyList<int> ServiceIds, IReadOnlyList<Priority> Priorities,
    IReadOnlyList<IncidentSource> Sources, string Keywords);

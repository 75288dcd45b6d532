using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Routing;

namespace IncidentPortal.Tests.Features.Routing;

public class RoutingRuleTests
{
    private const int Network = 2, Vpn = 12, NetworkCategory = 30, VpnSubcategory = 31, DnsSubcategory = 32, Hardware = 40;

    internal static RoutingRule Rule(string name, int position = 1, bool enabled = true, int team = Network, string keywords = "",
        int[]? categories = null, int[]? services = null, Priority[]? priorities = null, IncidentSource[]? sources = null, Priority? raise = null) =>
        RoutingRule.Create(new RoutingRuleInput(name, enabled, team, raise, categories ?? [], services ?? [], priorities ?? [], sources ?? [], keywords),
            position);

    private static RoutingSubject Subject(string title, string? description = null, int? service = null, int[]? categories = null,
        Priority priority = Priority.P3, IncidentSource source = IncidentSource.Portal) =>
        new(title, description, service, categories ?? [], priority, source);

    [Theory]
    [InlineData("VPN down since 9", true)]
    [InlineData("my vpn is down", true)]
    [InlineData("Cannot connect (VPN)", true)]
    [InlineData("vpn-client crashes", true)]
    [InlineData("vpnclient crashes", false)]
    [InlineData("OpenVPN crashes", false)]
    [InlineData("VPN_gateway", false)]
    [InlineData("nothing to see", false)]
    public void Keywords_match_whole_words_ignoring_case(string title, bool matches) =>
        Assert.Equal(matches, Rule("VPN outages", keywords: "vpn").Matches(Subject(title)));

    [Fact]
    public void Keywords_are_looked_for_in_the_description_too_and_phrases_span_any_whitespace()
    {
        var rule = Rule("Checkout", keywords: "checkout error, payment");
        Assert.True(rule.Matches(Subject("Shop broken", "I get a Checkout\n  error on every order")));
        Assert.True(rule.Matches(Subject("PAYMENT declined")));
        Assert.False(rule.Matches(Subject("Shop broken", "checkout is slow, then an error")));
        Assert.False(rule.Matches(Subject("payments page slow")));
    }

    [Fact]
    public void Keyword_text_is_split_at_commas_and_lines_trimmed_and_deduplicated()
    {
        Assert.Equal(["vpn", "remote access", "Tunnel"],
            KeywordMatcher.Parse(" vpn , remote   access\nTunnel;VPN,, "));
    }

    [Fact]
    public void A_parent_category_matches_its_subcategories_but_a_subcategory_does_not_match_its_siblings()
    {
        var parentRule = Rule("Network things", categories: [NetworkCategory]);
        var subRule = Rule("VPN only", categories: [VpnSubcategory]);
        Assert.True(parentRule.Matches(Subject("x", categories: [VpnSubcategory, NetworkCategory])));
        Assert.True(parentRule.Matches(Subject("x", categories: [NetworkCategory])));
        Assert.False(parentRule.Matches(Subject("x", categories: [Hardware])));
        Assert.True(subRule.Matches(Subject("x", categories: [VpnSubcategory, NetworkCategory])));
        Assert.False(subRule.Matches(Subject("x", categories: [DnsSubcategory, NetworkCategory])));
        Assert.False(subRule.Matches(Subject("x", categories: [NetworkCategory])));
        Assert.False(parentRule.Matches(Subject("x")));
    }

    [Fact]
    public void Every_given_condition_must_hold()
    {
        var rule = Rule("Urgent VPN by mail", services: [Vpn], priorities: [Priority.P1, Priority.P2], sources: [IncidentSource.Email], keywords: "down");
        var matching = Subject("VPN down", service: Vpn, priority: Priority.P2, source: IncidentSource.Email);
        Assert.True(rule.Matches(matching));
        Assert.False(rule.Matches(matching with { ServiceId = 99 }));
        Assert.False(rule.Matches(matching with { ServiceId = null }));
        Assert.False(rule.Matches(matching with { Priority = Priority.P3 }));
        Assert.False(rule.Matches(matching with { Source = IncidentSource.Portal }));
        Assert.False(rule.Matches(matching with { Title = "VPN slow" }));
    }

    [Fact]
    public void A_rule_without_conditions_catches_everything()
    {
        var rule = Rule("Everything else");
        Assert.False(rule.HasConditions);
        Assert.True(rule.Matches(Subject("anything at all")));
    }

    [Fact]
    public void The_first_matching_rule_in_order_wins_whatever_order_they_are_listed_in()
    {
        var broad = Rule("Network", position: 2, keywords: "vpn, wifi", team: 5);
        var narrow = Rule("VPN outages", position: 1, keywords: "vpn", team: Network);
        Assert.Equal("VPN outages", RoutingRule.FirstMatch([broad, narrow], Subject("VPN down"))!.Name);
        Assert.Equal("Network", RoutingRule.FirstMatch([broad, narrow], Subject("wifi down"))!.Name);
        Assert.Null(RoutingRule.FirstMatch([broad, narrow], Subject("printer jam")));
    }

    [Fact]
    public void Disabled_rules_are_skipped_and_the_next_one_fires()
    {
        var disabled = Rule("VPN outages", position: 1, enabled: false, keywords: "vpn");
        var next = Rule("Network", position: 2, keywords: "vpn", team: 5);
        Assert.False(disabled.Matches(Subject("VPN down")));
        Assert.Equal("Network", RoutingRule.FirstMatch([disabled, next], Subject("VPN down"))!.Name);
        Assert.Null(RoutingRule.FirstMatch([disabled], Subject("VPN down")));
    }

    [Fact]
    public void A_priority_floor_only_ever_raises_and_says_why()
    {
        var rule = Rule("VPN outages", raise: Priority.P2);
        var raised = IncidentRouter.Decide(rule, null, Priority.P4);
        Assert.Equal((Priority?)Priority.P2, raised.RaiseTo);
        Assert.Equal("Raised to at least P2 by routing rule 'VPN outages'", raised.RaiseReason);
        Assert.Null(IncidentRouter.Decide(rule, null, Priority.P2).RaiseTo);
        Assert.Null(IncidentRouter.Decide(rule, null, Priority.P1).RaiseTo);
    }

    [Fact]
    public void Without_a_rule_the_service_support_team_takes_it_as_before()
    {
        var support = new Named<int>(7, "Applications");
        var decision = IncidentRouter.Decide(null, support, Priority.P3);
        Assert.Equal((support, IncidentRouter.SupportTeamNote, (string?)null), (decision.Team, decision.Note, decision.RuleName));
        Assert.Null(IncidentRouter.Decide(null, null, Priority.P3).Team);
    }
}

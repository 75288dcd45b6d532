using IncidentPortal.Features.MajorIncidents;

namespace IncidentPortal.Tests.Features.MajorIncidents;

public class MajorIncidentTests
{
    private static readonly DateTime T0 = new(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);

    private static ResponseActor Agent(int minutes = 0) => new("agent", "Alex Agent", T0.AddMinutes(minutes));
    private static ResponseActor Manager(int minutes = 0) => new("manager", "Morgan Manager", T0.AddMinutes(minutes));
    private static ResponseActor Person(string id, int minutes = 0) => new(id, id.ToUpperInvariant(), T0.AddMinutes(minutes));

    private static MajorIncident Declared() => MajorIncident.Declare(1, Manager(), Severity.Sev1, Manager(), "VPN down for everyone");

    [Fact]
    public void An_agent_proposes_with_a_reason_and_a_manager_accepts_with_a_severity_and_a_commander()
    {
        var major = MajorIncident.Propose(7, Agent(), "  Everyone on VPN is affected ");
        Assert.Equal(MajorIncidentState.Proposed, major.State);
        Assert.Equal("Everyone on VPN is affected", major.ProposalReason);
        Assert.False(major.IsActive);

        major.Accept(Manager(5), Severity.Sev2, Person("casey", 5));

        Assert.Equal(MajorIncidentState.Declared, major.State);
        Assert.Equal(Severity.Sev2, major.Severity);
        Assert.Equal(T0.AddMinutes(5), major.DeclaredAt);
        Assert.Equal("casey", major.Commander?.UserId);
        Assert.Equal(
            ["Proposed as a major incident: Everyone on VPN is affected", "Accepted the proposal and declared a major incident (SEV2)",
             "CASEY is the incident commander"],
            major.Log.Select(e => e.Text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void A_proposal_or_a_rejection_without_a_reason_is_refused(string? reason)
    {
        Assert.Throws<MajorIncidentRuleException>(() => MajorIncident.Propose(7, Agent(), reason));
        var major = MajorIncident.Propose(7, Agent(), "Looks big");
        Assert.Throws<MajorIncidentRuleException>(() => major.Reject(Manager(), reason));
        Assert.Equal(MajorIncidentState.Proposed, major.State);
    }

    [Fact]
    public void A_rejected_proposal_cannot_be_accepted_and_opens_no_war_room()
    {
        var major = MajorIncident.Propose(7, Agent(), "Looks big");
        major.Reject(Manager(2), "Only one user affected");
        Assert.Equal(MajorIncidentState.Rejected, major.State);
        Assert.Throws<MajorIncidentRuleException>(() => major.Accept(Manager(3), Severity.Sev1, Manager(3)));
        Assert.Throws<MajorIncidentRuleException>(() => major.Post(Agent(4), LogEntryKind.Note, "hello"));
        Assert.Null(major.Commander);
    }

    [Fact]
    public void Handing_over_command_ends_the_previous_commanders_term_in_the_same_step()
    {
        var major = Declared();
        major.Assign(Manager(10), ResponseRole.Commander, Person("casey", 10));

        Assert.Equal("casey", major.Commander?.UserId);
        var terms = major.Roles.Where(r => r.Role == ResponseRole.Commander).ToList();
        Assert.Equal(2, terms.Count);
        Assert.Equal(T0.AddMinutes(10), terms[0].EndedAt);
        Assert.Null(terms[1].EndedAt);
        Assert.Equal("Incident commander: handed over from Morgan Manager to CASEY", major.Log[^1].Text);
    }

    [Fact]
    public void The_commander_cannot_step_down_without_a_successor_but_other_roles_can_be_released()
    {
        var major = Declared();
        Assert.Throws<MajorIncidentRuleException>(() => major.Release(Manager(1), ResponseRole.Commander, "manager"));
        Assert.Equal("manager", major.Commander?.UserId);

        major.Assign(Manager(2), ResponseRole.Scribe, Person("sam", 2));
        major.Assign(Manager(2), ResponseRole.Responder, Person("dana", 2));
        major.Assign(Manager(2), ResponseRole.Responder, Person("avery", 2));
        Assert.Equal(2, major.Current.Count(r => r.Role == ResponseRole.Responder));

        major.Release(Manager(3), ResponseRole.Responder, "dana");
        Assert.False(major.Holds("dana", ResponseRole.Responder));
        Assert.True(major.Holds("avery", ResponseRole.Responder));
        Assert.Throws<MajorIncidentRuleException>(() => major.Release(Manager(3), ResponseRole.Responder, "dana"));
    }

    [Fact]
    public void The_lifecycle_runs_declared_mitigated_resolved_review_and_not_backwards()
    {
        var major = Declared();
        major.Mitigate(Manager(30), "Rolled back the gateway");
        Assert.Equal(MajorIncidentState.Mitigated, major.State);
        Assert.Throws<MajorIncidentRuleException>(() => major.Mitigate(Manager(31), null));
        Assert.Throws<MajorIncidentRuleException>(() => major.StartReview(Manager(31)));

        major.Assign(Manager(32), ResponseRole.Responder, Person("dana", 32));
        major.Resolve(Manager(60), null);
        Assert.Equal(MajorIncidentState.Resolved, major.State);
        Assert.Equal(T0.AddMinutes(60), major.ResolvedAt);
        // Responders are released; the commander stays accountable for the review.
        Assert.False(major.Holds("dana", ResponseRole.Responder));
        Assert.Equal("manager", major.Commander?.UserId);
        Assert.Throws<MajorIncidentRuleException>(() => major.Assign(Manager(61), ResponseRole.Scribe, Person("sam", 61)));

        major.StartReview(Manager(90));
        Assert.Equal(MajorIncidentState.InReview, major.State);
    }

    [Fact]
    public void Resolving_straight_from_declared_counts_as_mitigated_at_the_same_time()
    {
        var major = Declared();
        major.Resolve(Manager(45), "Certificate renewed");
        Assert.Equal(T0.AddMinutes(45), major.MitigatedAt);
        Assert.Equal("Resolved. Certificate renewed", major.Log[^1].Text);
    }

    [Fact]
    public void Posts_are_notes_facts_or_decisions_and_pinning_marks_key_events()
    {
        var major = Declared();
        var fact = major.Post(Agent(5), LogEntryKind.Fact, "Gateway CPU at 100 %");
        major.Post(Agent(6), LogEntryKind.Decision, "Roll back to 4.2");
        Assert.Throws<MajorIncidentRuleException>(() => major.Post(Agent(7), LogEntryKind.Lifecycle, "I declare"));
        Assert.Throws<MajorIncidentRuleException>(() => major.Post(Agent(7), LogEntryKind.Note, "  "));
        Assert.Throws<MajorIncidentRuleException>(() => major.Post(Agent(7), LogEntryKind.Note, new string('x', MajorIncident.MaxLogLength + 1)));

        major.Pin(Manager(8), fact, pinned: true);
        Assert.True(fact.Pinned);
        Assert.Equal("manager", fact.PinnedById);
        major.Pin(Manager(9), fact, pinned: false);
        Assert.False(fact.Pinned);
        var other = Declared().Post(Agent(10), LogEntryKind.Note, "elsewhere");
        Assert.Throws<MajorIncidentRuleException>(() => major.Pin(Manager(11), other, pinned: true));
    }

    [Fact]
    public void Communications_restart_the_update_clock_and_the_first_one_is_kept()
    {
        var major = Declared();
        major.RecordCommunication(Manager(20), "Status page: investigating");
        major.RecordCommunication(Manager(50), "Status page: identified");
        Assert.Equal(T0.AddMinutes(20), major.FirstCommunicationAt);
        Assert.Equal(T0.AddMinutes(50), major.LastCommunicationAt);
    }

    [Theory]
    [InlineData("ftp://bridge.example.com/1")]
    [InlineData("not a link")]
    [InlineData("javascript:alert(1)")]
    public void The_bridge_link_must_be_a_web_address(string url)
    {
        var major = Declared();
        Assert.Throws<MajorIncidentRuleException>(() => major.SetBridge(Manager(1), url));
        Assert.Null(major.BridgeUrl);
        major.SetBridge(Manager(2), " https://meet.example.com/vpn ");
        Assert.Equal("https://meet.example.com/vpn", major.BridgeUrl);
    }

    [Fact]
    public void Severity_changes_are_logged_only_when_they_change()
    {
        var major = Declared();
        var entries = major.Log.Count;
        major.ChangeSeverity(Manager(1), Severity.Sev1);
        Assert.Equal(entries, major.Log.Count);
        major.ChangeSeverity(Manager(2), Severity.Sev3);
        Assert.Equal("Severity SEV1 → SEV3", major.Log[^1].Text);
    }
}

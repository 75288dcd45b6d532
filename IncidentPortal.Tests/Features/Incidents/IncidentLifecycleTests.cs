using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Tests.Features.Incidents;

public class IncidentLifecycleTests
{
    public static TheoryData<IncidentStatus, IncidentStatus> AllPairs()
    {
        var data = new TheoryData<IncidentStatus, IncidentStatus>();
        foreach (var from in Enum.GetValues<IncidentStatus>())
            foreach (var to in Enum.GetValues<IncidentStatus>())
                data.Add(from, to);
        return data;
    }

    private static readonly HashSet<(IncidentStatus, IncidentStatus)> Legal =
    [
        (IncidentStatus.New, IncidentStatus.Assigned), (IncidentStatus.New, IncidentStatus.Cancelled),
        (IncidentStatus.Assigned, IncidentStatus.InProgress), (IncidentStatus.Assigned, IncidentStatus.OnHold),
        (IncidentStatus.Assigned, IncidentStatus.Resolved), (IncidentStatus.Assigned, IncidentStatus.Cancelled),
        (IncidentStatus.InProgress, IncidentStatus.OnHold), (IncidentStatus.InProgress, IncidentStatus.Resolved),
        (IncidentStatus.InProgress, IncidentStatus.Cancelled),
        (IncidentStatus.OnHold, IncidentStatus.InProgress), (IncidentStatus.OnHold, IncidentStatus.Resolved),
        (IncidentStatus.OnHold, IncidentStatus.Cancelled),
        (IncidentStatus.Resolved, IncidentStatus.Closed),
        (IncidentStatus.Resolved, IncidentStatus.InProgress), (IncidentStatus.Resolved, IncidentStatus.Assigned),
        (IncidentStatus.Resolved, IncidentStatus.New),
    ];

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void The_table_allows_exactly_the_ITIL_moves(IncidentStatus from, IncidentStatus to) =>
        Assert.Equal(Legal.Contains((from, to)), IncidentLifecycle.CanMove(from, to));

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void The_incident_itself_refuses_every_illegal_move(IncidentStatus from, IncidentStatus to)
    {
        // Moves out of Resolved other than Close are reopenings, covered by their own tests.
        if (from == IncidentStatus.Resolved && to != IncidentStatus.Closed) return;
        var incident = IncidentBuilder.InState(from);
        if (to == IncidentStatus.Assigned && IncidentLifecycle.IsOpen(from) && from != IncidentStatus.New)
        {
            // Assign on a worked incident is a reassignment: allowed, and it must not move the status back.
            IncidentBuilder.MoveTo(incident, to);
            Assert.Equal(from, incident.Status);
            return;
        }
        var version = incident.Version;
        var activities = incident.Activities.Count;
        if (Legal.Contains((from, to)))
        {
            IncidentBuilder.MoveTo(incident, to);
            Assert.Equal(to, incident.Status);
            Assert.Equal(version + 1, incident.Version);
        }
        else
        {
            Assert.Throws<IncidentRuleException>(() => IncidentBuilder.MoveTo(incident, to));
            Assert.Equal(from, incident.Status);
            Assert.Equal(version, incident.Version);
            Assert.Equal(activities, incident.Activities.Count);
        }
    }

    [Fact]
    public void Reopening_goes_back_to_the_assignee_and_counts()
    {
        var incident = IncidentBuilder.InState(IncidentStatus.Resolved);
        incident.Reopen(IncidentBuilder.Reporter with { At = IncidentBuilder.Start.AddDays(1) }, "Still broken");
        Assert.Equal(IncidentStatus.InProgress, incident.Status);
        Assert.Equal(1, incident.ReopenCount);
        Assert.Null(incident.ResolvedAt);
        Assert.Contains(incident.Activities, a => a.Kind == ActivityKind.PublicComment && a.Text == "Still broken");
    }

    [Theory]
    [InlineData(IncidentStatus.New)]
    [InlineData(IncidentStatus.InProgress)]
    [InlineData(IncidentStatus.Closed)]
    public void Only_a_resolved_incident_can_be_reopened(IncidentStatus status)
    {
        var incident = IncidentBuilder.InState(status);
        Assert.Throws<IncidentRuleException>(() => incident.Reopen(IncidentBuilder.Reporter, "Again"));
        Assert.Equal(status, incident.Status);
    }

    [Fact]
    public void Reopening_needs_a_comment() =>
        Assert.Throws<IncidentRuleException>(() => IncidentBuilder.InState(IncidentStatus.Resolved).Reopen(IncidentBuilder.Reporter, "  "));

    [Fact]
    public void Transitions_ask_for_what_they_need()
    {
        Assert.Throws<IncidentRuleException>(() => IncidentBuilder.InState(IncidentStatus.InProgress).Resolve(IncidentBuilder.Agent, ResolutionCode.Fixed, " ", null));
        Assert.Throws<IncidentRuleException>(() => IncidentBuilder.InState(IncidentStatus.New).Cancel(IncidentBuilder.Agent, ""));
        var unassigned = IncidentBuilder.New();
        unassigned.Assign(IncidentBuilder.Agent, IncidentBuilder.Network, null);
        Assert.Throws<IncidentRuleException>(() => unassigned.StartWork(IncidentBuilder.Agent));
    }

    [Fact]
    public void Closed_and_cancelled_incidents_cannot_be_edited_or_assigned()
    {
        foreach (var status in new[] { IncidentStatus.Closed, IncidentStatus.Cancelled })
        {
            var incident = IncidentBuilder.InState(status);
            Assert.Throws<IncidentRuleException>(() => incident.Assign(IncidentBuilder.Agent, IncidentBuilder.Network, null));
            Assert.Throws<IncidentRuleException>(() => incident.Edit(IncidentBuilder.Agent, "New title", null, Impact.High,
                Urgency.High, PriorityMatrix.ItilDefault, null, null));
        }
    }
}

using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Tests.Features.Incidents;

/// <summary>The entity rules this feature added: clearing a priority override, a note on closing, reason lengths.</summary>
public sealed class IncidentOverrideAndCloseTests
{
    private static readonly DateTime T0 = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
    private static readonly ChangeContext Agent = new("agent", T0.AddMinutes(5), ActorIsAgent: true);

    private static Incident NewIncident() => Incident.Report(1,
        new IncidentDraft("Mail down", null, Impact.Low, Urgency.Low, IncidentSource.Portal, null, null), "reporter",
        new ChangeContext("reporter", T0, ActorIsAgent: false), PriorityMatrix.ItilDefault);

    [Fact]
    public void Clearing_an_override_hands_the_priority_back_to_the_matrix_and_says_so()
    {
        var incident = NewIncident();
        incident.OverridePriority(Agent, Priority.P1, "CEO's mailbox");

        incident.ClearPriorityOverride(Agent, PriorityMatrix.ItilDefault);

        Assert.Equal((Priority.P5, false), (incident.Priority, incident.IsPriorityOverridden));
        var last = incident.Activities[^1];
        Assert.Equal(("Priority", "P1", "P5", "Override removed", false), (last.Field, last.OldValue, last.NewValue, last.Text, last.IsPublic));
    }

    [Fact]
    public void Overriding_to_the_same_priority_is_still_recorded()
    {
        var incident = NewIncident();
        var before = incident.Activities.Count;

        incident.OverridePriority(Agent, Priority.P5, "Keep it low whatever the matrix says");

        Assert.Equal(before + 1, incident.Activities.Count);
        Assert.True(incident.IsPriorityOverridden);
    }

    [Fact]
    public void Override_and_cancel_reasons_are_limited()
    {
        var incident = NewIncident();
        var essay = new string('x', Incident.MaxReasonLength + 1);

        Assert.Throws<IncidentRuleException>(() => incident.OverridePriority(Agent, Priority.P1, essay));
        Assert.Throws<IncidentRuleException>(() => incident.Cancel(Agent, essay));
        Assert.Equal(IncidentStatus.New, incident.Status);
    }

    [Fact]
    public void Closing_can_carry_a_note_for_the_timeline()
    {
        var incident = NewIncident();
        incident.Assign(Agent, new Named<int>(1, "Service Desk"), new Named<string>("agent", "Alex Agent"));
        incident.Resolve(Agent, ResolutionCode.Fixed, "Restarted the mail server", null);
        var system = new ChangeContext(null, T0.AddDays(8), ActorIsAgent: false);

        incident.Close(system, "Closed automatically: resolved for more than 7 days");

        var last = incident.Activities[^1];
        Assert.Equal((IncidentStatus.Closed, (string?)null, "Closed automatically: resolved for more than 7 days"), (incident.Status, last.ActorId, last.Text));
        Assert.Equal(T0.AddDays(8), incident.ClosedAt);
    }
}

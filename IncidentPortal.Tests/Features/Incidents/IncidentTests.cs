using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Tests.Features.Incidents;

public class IncidentTests
{
    [Fact]
    public void Reporting_refuses_a_description_longer_than_an_edit_would_accept()
    {
        var draft = new IncidentDraft("VPN down", new string('x', Incident.MaxTextLength + 1), Impact.Low, Urgency.Low, IncidentSource.Portal, null, null);
        var error = Assert.Throws<IncidentRuleException>(() =>
            Incident.Report(1, draft, "r", IncidentBuilder.Reporter, PriorityMatrix.ItilDefault));
        Assert.Contains("description", error.Message);
    }

    [Fact]
    public void Reporting_trims_derives_priority_and_records_creation()
    {
        var incident = IncidentBuilder.New(Impact.High, Urgency.Medium);
        Assert.Equal("VPN down", incident.Title);
        Assert.Equal("Cannot connect", incident.Description);
        Assert.Equal(Priority.P2, incident.Priority);
        Assert.Equal(IncidentStatus.New, incident.Status);
        Assert.Equal("INC-000001", incident.Reference);
        Assert.Equal(1, incident.Version);
        Assert.Null(incident.LoggedById);
        var created = Assert.Single(incident.Activities);
        Assert.Equal(ActivityKind.Created, created.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_title_is_required(string title) =>
        Assert.Throws<IncidentRuleException>(() => Incident.Report(1,
            new IncidentDraft(title, null, Impact.Low, Urgency.Low, IncidentSource.Portal, null, null),
            "r", IncidentBuilder.Reporter, PriorityMatrix.ItilDefault));

    [Fact]
    public void A_title_over_200_characters_is_refused() =>
        Assert.Throws<IncidentRuleException>(() => Incident.Report(1,
            new IncidentDraft(new string('x', 201), null, Impact.Low, Urgency.Low, IncidentSource.Portal, null, null),
            "r", IncidentBuilder.Reporter, PriorityMatrix.ItilDefault));

    [Fact]
    public void An_agent_logging_for_a_caller_is_recorded()
    {
        var incident = Incident.Report(7, new IncidentDraft("Printer jam", null, Impact.Low, Urgency.Low, IncidentSource.Agent, null, null),
            "caller-1", IncidentBuilder.Agent, PriorityMatrix.ItilDefault);
        Assert.Equal("caller-1", incident.ReporterId);
        Assert.Equal("agent-1", incident.LoggedById);
    }

    [Fact]
    public void Assignment_by_an_agent_is_the_first_response()
    {
        var incident = IncidentBuilder.New();
        incident.Assign(IncidentBuilder.Agent, IncidentBuilder.Network, IncidentBuilder.Alex);
        Assert.Equal(IncidentStatus.Assigned, incident.Status);
        Assert.Equal(IncidentBuilder.Agent.At, incident.FirstResponseAt);
        Assert.Contains(incident.Activities, a => a.Field == "Team" && a.NewValue == "Network" && !a.IsPublic);
    }

    [Fact]
    public void Editing_recomputes_priority_unless_overridden()
    {
        var incident = IncidentBuilder.New(Impact.Low, Urgency.Low);
        incident.Edit(IncidentBuilder.Agent, "VPN down", "x", Impact.High, Urgency.High, PriorityMatrix.ItilDefault, null, null);
        Assert.Equal(Priority.P1, incident.Priority);

        incident.OverridePriority(IncidentBuilder.Agent, Priority.P3, "Only a test system");
        incident.Edit(IncidentBuilder.Agent, "VPN down", "x", Impact.High, Urgency.Medium, PriorityMatrix.ItilDefault, null, null);
        Assert.Equal(Priority.P3, incident.Priority);
        Assert.Contains(incident.Activities, a => a.Field == "Priority" && a.NewValue == "P3" && a.Text == "Only a test system");
    }

    [Fact]
    public void Overriding_priority_needs_a_reason() =>
        Assert.Throws<IncidentRuleException>(() => IncidentBuilder.New().OverridePriority(IncidentBuilder.Agent, Priority.P1, " "));

    [Fact]
    public void Work_notes_are_internal_and_only_agents_write_them()
    {
        var incident = IncidentBuilder.InState(IncidentStatus.InProgress);
        incident.AddComment(IncidentBuilder.Agent, "Router logs attached", isPublic: false);
        Assert.Contains(incident.Activities, a => a.Kind == ActivityKind.WorkNote && !a.IsPublic);
        Assert.Throws<IncidentRuleException>(() => incident.AddComment(IncidentBuilder.Reporter, "sneaky", isPublic: false));
    }

    [Fact]
    public void Every_change_carries_the_version_it_produced()
    {
        var incident = IncidentBuilder.InState(IncidentStatus.InProgress);
        Assert.All(incident.Activities, a => Assert.InRange(a.IncidentVersion, 1, incident.Version));
        Assert.Equal(incident.Version, incident.Activities.Max(a => a.IncidentVersion));
    }
}

using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Tests.Features.Incidents;

public class IncidentTests
{
    private static readonly DateTime ReportedAt = new(2026, 3, 2, 9, 15, 0, DateTimeKind.Utc);

    private static Incident NewIncident(Impact impact = Impact.Medium, Urgency urgency = Urgency.High) =>
        Incident.Report(42, "  VPN is down  ", "  Nobody can connect.  ", "user-1", impact, urgency,
            IncidentSource.Portal, ReportedAt, serviceId: 7, categoryId: 3);

    [Fact]
    public void Report_creates_a_New_incident_with_trimmed_text_and_the_derived_priority()
    {
        var incident = NewIncident(Impact.Medium, Urgency.High);

        Assert.Equal(IncidentStatus.New, incident.Status);
        Assert.Equal(Priority.P2, incident.Priority);
        Assert.Equal("VPN is down", incident.Title);
        Assert.Equal("Nobody can connect.", incident.Description);
        Assert.Equal(42, incident.Number);
        Assert.Equal("INC-000042", incident.Reference);
        Assert.Equal("user-1", incident.ReporterId);
        Assert.Equal(7, incident.ServiceId);
        Assert.Equal(3, incident.CategoryId);
        Assert.Equal(ReportedAt, incident.CreatedAt);
        Assert.Null(incident.ResolvedAt);
        Assert.Null(incident.ClosedAt);
    }

    [Theory]
    [InlineData(Impact.High, Urgency.High, Priority.P1)]
    [InlineData(Impact.Low, Urgency.Low, Priority.P5)]
    public void Report_takes_the_priority_from_the_matrix(Impact impact, Urgency urgency, Priority expected)
    {
        Assert.Equal(expected, NewIncident(impact, urgency).Priority);
    }

    [Theory]
    [InlineData(0, "Title", "user-1")]
    [InlineData(1, "   ", "user-1")]
    [InlineData(1, "Title", "")]
    public void Report_rejects_a_missing_number_title_or_reporter(int number, string title, string reporterId)
    {
        Assert.ThrowsAny<ArgumentException>(() => Incident.Report(number, title, "", reporterId,
            Impact.Low, Urgency.Low, IncidentSource.Portal, ReportedAt));
    }

    [Fact]
    public void FormatReference_pads_the_number_to_six_digits()
    {
        Assert.Equal("INC-000123", Incident.FormatReference(123));
    }

    [Fact]
    public void Assign_moves_a_New_incident_to_Assigned_with_team_and_assignee()
    {
        var incident = NewIncident();

        incident.Assign(teamId: 5, assigneeId: "agent-1");

        Assert.Equal(IncidentStatus.Assigned, incident.Status);
        Assert.Equal(5, incident.AssignmentGroupId);
        Assert.Equal("agent-1", incident.AssigneeId);
    }

    [Fact]
    public void Resolve_sets_Resolved_and_ResolvedAt_from_the_given_time()
    {
        var incident = NewIncident();
        incident.Assign(5, "agent-1");
        incident.StartWork();
        var resolvedAt = ReportedAt.AddHours(4);

        incident.Resolve(resolvedAt);

        Assert.Equal(IncidentStatus.Resolved, incident.Status);
        Assert.Equal(resolvedAt, incident.ResolvedAt);
        Assert.Null(incident.ClosedAt);
    }

    [Fact]
    public void Close_after_Resolve_sets_Closed_and_ClosedAt()
    {
        var incident = NewIncident();
        incident.Assign(5, null);
        incident.Resolve(ReportedAt.AddHours(1));

        incident.Close(ReportedAt.AddDays(1));

        Assert.Equal(IncidentStatus.Closed, incident.Status);
        Assert.Equal(ReportedAt.AddDays(1), incident.ClosedAt);
    }

    [Fact]
    public void Close_on_a_New_incident_throws_and_changes_nothing()
    {
        var incident = NewIncident();

        Assert.Throws<InvalidOperationException>(() => incident.Close(ReportedAt.AddHours(1)));
        Assert.Equal(IncidentStatus.New, incident.Status);
        Assert.Null(incident.ClosedAt);
    }

    [Fact]
    public void StartWork_on_a_New_incident_throws()
    {
        var incident = NewIncident();

        Assert.Throws<InvalidOperationException>(incident.StartWork);
        Assert.Equal(IncidentStatus.New, incident.Status);
    }

    [Fact]
    public void Resolve_on_a_Closed_incident_throws_and_keeps_the_first_resolution_time()
    {
        var incident = NewIncident();
        incident.Assign(5, "agent-1");
        incident.Resolve(ReportedAt.AddHours(1));
        incident.Close(ReportedAt.AddHours(2));

        Assert.Throws<InvalidOperationException>(() => incident.Resolve(ReportedAt.AddHours(3)));
        Assert.Equal(IncidentStatus.Closed, incident.Status);
        Assert.Equal(ReportedAt.AddHours(1), incident.ResolvedAt);
    }

    [Fact]
    public void Assign_on_a_Cancelled_incident_throws()
    {
        var incident = NewIncident();
        incident.Cancel();

        Assert.Throws<InvalidOperationException>(() => incident.Assign(5, "agent-1"));
        Assert.Equal(IncidentStatus.Cancelled, incident.Status);
    }
}

using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Incidents.Pages.Workspace;

namespace IncidentPortal.Tests.Features.Incidents.Pages;

public sealed class StatusActionsTests
{
    [Theory]
    [InlineData(IncidentStatus.New, new[] { StatusAction.Cancel })]
    [InlineData(IncidentStatus.Assigned, new[] { StatusAction.StartWork, StatusAction.Resolve, StatusAction.PutOnHold, StatusAction.Cancel })]
    [InlineData(IncidentStatus.InProgress, new[] { StatusAction.Resolve, StatusAction.PutOnHold, StatusAction.Cancel })]
    [InlineData(IncidentStatus.OnHold, new[] { StatusAction.StartWork, StatusAction.Resolve, StatusAction.Cancel })]
    [InlineData(IncidentStatus.Resolved, new[] { StatusAction.Close, StatusAction.Reopen })]
    [InlineData(IncidentStatus.Closed, new StatusAction[0])]
    [InlineData(IncidentStatus.Cancelled, new StatusAction[0])]
    public void Offers_only_the_legal_moves(IncidentStatus status, StatusAction[] expected)
    {
        Assert.Equal(expected, StatusActions.For(status));
    }

    [Fact]
    public void Start_work_reads_as_resume_when_on_hold()
    {
        Assert.Equal("Resume work", StatusActions.Label(StatusAction.StartWork, IncidentStatus.OnHold));
        Assert.Equal("Start work", StatusActions.Label(StatusAction.StartWork, IncidentStatus.Assigned));
    }

    [Theory]
    [InlineData(StatusAction.Resolve, "Notes", "Choose a resolution code.")]
    [InlineData(StatusAction.Resolve, "Code", "Resolution notes are required.")]
    [InlineData(StatusAction.PutOnHold, "", "Choose what the incident is waiting for.")]
    [InlineData(StatusAction.Cancel, "", "Give a reason for cancelling.")]
    [InlineData(StatusAction.Reopen, "", "Say why you are reopening the incident.")]
    public void Each_action_asks_for_what_it_needs(StatusAction action, string filled, string message)
    {
        var form = new StatusActionForm(action);
        if (filled == "Notes") form.Notes = "Rebooted";
        if (filled == "Code") form.Code = ResolutionCode.Fixed;

        var errors = form.Validate(new(form)).Select(e => e.ErrorMessage).ToList();

        Assert.Equal([message], errors);
    }

    [Fact]
    public void A_complete_resolve_becomes_the_resolve_command()
    {
        var form = new StatusActionForm(StatusAction.Resolve) { Code = ResolutionCode.Workaround, Notes = "Use the web client", Workaround = "webmail" };

        Assert.Empty(form.Validate(new(form)));
        Assert.Equal(new ResolveIncident(ResolutionCode.Workaround, "Use the web client", "webmail"), form.ToCommand());
    }
}

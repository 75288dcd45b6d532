using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Incidents.Pages.Workspace;
using IncidentPortal.Features.Integrations;
using static IncidentPortal.Tests.Components.Workspace.WorkspaceFixtures;

namespace IncidentPortal.Tests.Components.Workspace;

/// <summary>The panels beside the conversation: SLA, tasks, escalation, review, alerts — alerts first for monitoring's incidents.</summary>
public sealed class WorkspaceOrderTests
{
    [Fact]
    public void A_reported_incident_puts_the_alerts_after_the_review()
    {
        var side = WorkspaceOrder.Side(Incident(IncidentStatus.New)).ToList();
        Assert.Equal(SidePanel.Details, side[0]);
        Assert.True(side.IndexOf(SidePanel.Sla) < side.IndexOf(SidePanel.Tasks));
        Assert.True(side.IndexOf(SidePanel.Tasks) < side.IndexOf(SidePanel.Escalation));
        Assert.True(side.IndexOf(SidePanel.Escalation) < side.IndexOf(SidePanel.Review));
        Assert.True(side.IndexOf(SidePanel.Review) < side.IndexOf(SidePanel.Alerts));
        Assert.Equal(Enum.GetValues<SidePanel>().Length, side.Distinct().Count());
    }

    [Fact]
    public void Monitoring_incidents_put_the_alerts_first()
    {
        Assert.Equal(SidePanel.Alerts, WorkspaceOrder.Side(Incident(IncidentStatus.New) with { Source = IncidentSource.Monitoring })[0]);
        Assert.Equal(SidePanel.Alerts, WorkspaceOrder.Side(Incident(IncidentStatus.New) with { ReporterId = MonitoringAccount.UserId })[0]);
        Assert.False(WorkspaceOrder.FromMonitoring(Incident(IncidentStatus.New)));
    }
}

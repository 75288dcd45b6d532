using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.MajorIncidents;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Features.MajorIncidents;

/// <summary>What the linking UI reads: running major incidents, a child's parent, the "likely part of" guess, the reporter's banner.</summary>
public class LinkingQueriesTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    private MajorIncidentService Service => host.Services.GetRequiredService<MajorIncidentService>();

    [Fact]
    public async Task A_new_report_on_the_service_of_a_running_major_incident_is_likely_part_of_it_until_linked()
    {
        var (reporter, manager) = (await host.ActorAsync(DemoEmails.Reporter), await host.ActorAsync(DemoEmails.Manager));
        var parent = await host.ReportAsync(reporter, "VPN concentrator down");
        var id = await Service.DeclareAsync(manager, parent.Id, Severity.Sev1, manager.UserId, null);
        var report = await host.ReportAsync(reporter, "VPN will not connect");

        var likely = await Service.LikelyParentAsync(manager, report.Id);
        Assert.Equal(id, likely?.Id);
        Assert.Null(await Service.LikelyParentAsync(manager, parent.Id)); // the major incident itself
        Assert.Contains(await Service.ListActiveAsync(manager), c => c.Id == id && c.Reference == parent.Reference && c.Severity == Severity.Sev1);

        await Service.LinkAsync(manager, id, [report.Id]);

        Assert.Null(await Service.LikelyParentAsync(manager, report.Id));
        var link = await Service.ParentOfAsync(manager, report.Id);
        Assert.Equal((id, parent.Reference, MajorIncidentState.Declared), (link?.MajorId, link?.Reference, link?.State));
        await Assert.ThrowsAsync<MajorIncidentNotFoundException>(() => Service.ListActiveAsync(reporter));
    }

    [Fact]
    public async Task A_childs_reporter_sees_the_public_title_and_public_updates_only_and_a_stranger_nothing()
    {
        var (reporter, other, agent, manager) = (await host.ActorAsync(DemoEmails.Reporter), await host.ActorAsync(DemoEmails.OtherReporter),
            await host.ActorAsync(DemoEmails.Agent), await host.ActorAsync(DemoEmails.Manager));
        var parent = await host.ReportAsync(other, "Payroll export failing for finance");
        var id = await Service.DeclareAsync(manager, parent.Id, Severity.Sev2, manager.UserId, null);
        var child = await host.ReportAsync(reporter, "Cannot see my payslip");
        await Service.LinkAsync(agent, id, [child.Id]);
        await host.Incidents.ChangeAsync(agent, parent.Id, null, new AddComment("A fix is being deployed.", IsPublic: true));
        await host.Incidents.ChangeAsync(agent, parent.Id, null, new AddComment("Internal: vendor ticket 4711", IsPublic: false));
        await host.Incidents.ChangeAsync(other, parent.Id, null, new AddComment("I am Jo from finance, call me on 555-0100", IsPublic: true));
        await Service.PostAsync(agent, id, LogEntryKind.Note, "War room: rollback considered");

        var banner = await Service.ChildBannerAsync(reporter, child.Id);

        Assert.NotNull(banner);
        Assert.Equal(MajorIncidentState.Declared, banner.State);
        Assert.DoesNotContain("Payroll export", banner.Title); // the internal title is not the public one
        Assert.Contains(banner.Updates, u => u.Text == "A fix is being deployed.");
        Assert.DoesNotContain(banner.Updates, u => u.Text.Contains("vendor") || u.Text.Contains("War room") || u.Text.Contains("555-0100"));
        Assert.Null(await Service.ChildBannerAsync(other, child.Id));
        Assert.Null(await Service.ChildBannerAsync(reporter, parent.Id)); // not a child
    }
}

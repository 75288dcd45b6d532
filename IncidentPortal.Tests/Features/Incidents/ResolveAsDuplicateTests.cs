using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Incidents.Pages.Workspace;
using IncidentPortal.Tests.Features.Incidents.Support;

namespace IncidentPortal.Tests.Features.Incidents;

/// <summary>Defect 7: resolving with the code Duplicate names the incident duplicated and links them — never a bare code.</summary>
public sealed class ResolveAsDuplicateTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    [Fact]
    public async Task Resolving_as_Duplicate_with_the_original_closes_and_links_it_like_marking_a_duplicate()
    {
        var (reporter, agent) = (await host.ActorAsync(DemoEmails.Reporter), await host.ActorAsync(DemoEmails.Agent));
        var original = await host.ReportAsync(await host.ActorAsync(DemoEmails.OtherReporter), "Badge readers dead in building B");
        var duplicate = await host.ReportAsync(reporter, "Cannot get into building B");

        await host.Incidents.ChangeAsync(agent, duplicate.Id, duplicate.Version,
            new ResolveIncident(ResolutionCode.Duplicate, "", null, DuplicateOf: original.Reference));

        var stored = await host.StoredAsync(duplicate.Id);
        Assert.Equal((IncidentStatus.Closed, ResolutionCode.Duplicate, (int?)original.Id), (stored.Status, stored.ResolutionCode, stored.DuplicateOfId));
        Assert.Equal(original.Id, (await host.Incidents.DuplicateOfAsync(reporter, duplicate.Id))?.Id);
        Assert.Contains(duplicate.Reference, (await host.StoredAsync(original.Id)).Activities.Last().Text);
    }

    [Fact]
    public async Task Without_the_original_or_with_a_stale_version_nothing_changes()
    {
        var agent = await host.ActorAsync(DemoEmails.Agent);
        var incident = await host.ReportAsync(await host.ActorAsync(DemoEmails.Reporter), "VPN slow again");

        var bare = await Assert.ThrowsAsync<IncidentRuleException>(() => host.Incidents.ChangeAsync(agent, incident.Id, null,
            new ResolveIncident(ResolutionCode.Duplicate, "Same as the other one", null)));
        Assert.Contains("reference", bare.Message);
        // Not even through the entity directly (bulk, API, alerts all end there).
        var entity = await host.StoredAsync(incident.Id);
        Assert.Throws<IncidentRuleException>(() => entity.Resolve(new ChangeContext(agent.UserId, host.Clock.GetUtcNow().UtcDateTime, true), ResolutionCode.Duplicate, "x", null));
        await Assert.ThrowsAsync<IncidentConflictException>(() => host.Incidents.ChangeAsync(agent, incident.Id, incident.Version - 1,
            new ResolveIncident(ResolutionCode.Duplicate, "", null, DuplicateOf: "INC-000001")));

        var stored = await host.StoredAsync(incident.Id);
        Assert.True(stored.IsOpen);
        Assert.Null(stored.DuplicateOfId);
    }

    [Fact]
    public void The_resolve_form_asks_for_the_original_instead_of_notes_when_the_code_is_Duplicate()
    {
        var form = new StatusActionForm(StatusAction.Resolve) { Code = ResolutionCode.Duplicate };
        var missing = form.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(form)).ToList();
        Assert.Equal([nameof(StatusActionForm.DuplicateOf)], missing.SelectMany(r => r.MemberNames));

        form.DuplicateOf = " inc-000042 ";
        Assert.Empty(form.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(form)));
        Assert.Equal(new ResolveIncident(ResolutionCode.Duplicate, "", null, DuplicateOf: "inc-000042"), form.ToCommand());
    }
}

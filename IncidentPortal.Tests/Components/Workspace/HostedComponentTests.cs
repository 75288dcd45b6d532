using Bunit;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Incidents.Pages;
using IncidentPortal.Features.Incidents.Pages.Reporter;
using IncidentPortal.Features.Incidents.Pages.Workspace;
using IncidentPortal.Features.Tasks.Pages;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using static IncidentPortal.Tests.Components.Workspace.WorkspaceFixtures;

namespace IncidentPortal.Tests.Components.Workspace;

/// <summary>
/// Workspace components against the real services and a real SQLite database (the app in-process with its demo
/// organisation): what they save is read back from the database.
/// </summary>
public sealed class HostedComponentTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    [Fact]
    public async Task The_comment_box_refuses_empty_text_and_posts_a_work_note_as_internal()
    {
        await using var ctx = HostContext();
        var (agent, incident) = await IncidentAsync();
        var posted = 0;
        var box = ctx.Render<CommentBox>(p => p.Add(c => c.IncidentId, incident.Id).Add(c => c.Actor, agent).Add(c => c.AllowInternal, true)
            .Add(c => c.Posted, () => { posted++; return Task.CompletedTask; }));
        Assert.Contains("Post reply", box.Find("button[type=submit]").TextContent);

        box.Find("form").Submit();
        box.WaitForAssertion(() => Assert.Contains("Write something before posting.", box.Markup));
        Assert.Equal(0, posted);

        box.FindComponents<MudRadio<bool>>().Single(r => r.Markup.Contains("Internal work note")).Find("input").Click();
        Assert.Contains("Add work note", box.Find("button[type=submit]").TextContent);
        Assert.Equal("Work note", box.FindComponent<MudTextField<string>>().Instance.Label);
        Assert.True(box.Instance.Draft.Internal);
        box.Find("textarea").Input("Gateway misconfigured by us");
        Assert.Equal("Gateway misconfigured by us", box.Instance.Draft.Text); // the persistent draft follows every keystroke
        box.Find("form").Submit();

        box.WaitForAssertion(() => Assert.Equal(1, posted));
        await using var db = await host.DbAsync();
        var note = await db.IncidentActivities.Where(a => a.IncidentId == incident.Id && a.Kind == ActivityKind.WorkNote).SingleAsync();
        Assert.False(note.IsPublic);
        Assert.Equal("", box.Instance.Draft.Text);
        Assert.True(box.Instance.Draft.Internal); // the choice stays for the next note
    }

    [Fact]
    public async Task The_fields_editor_saves_a_new_assignee_and_an_overridden_priority()
    {
        await using var ctx = HostContext();
        ctx.Render<MudPopoverProvider>();
        var (agent, incident) = await IncidentAsync();
        var choices = await ctx.Services.GetRequiredService<IncidentChoices>().LoadAsync(incident.ServiceId, incident.CategoryId);
        var matrix = await ctx.Services.GetRequiredService<PriorityMatrixService>().CurrentAsync();
        var serviceDesk = choices.Teams.Single(t => t.Name == "Service Desk");
        var editor = ctx.Render<IncidentFieldsEditor>(p => p.Add(e => e.Incident, incident).Add(e => e.Actor, agent)
            .Add(e => e.Choices, choices).Add(e => e.Matrix, matrix)
            .Add(e => e.Reload, () => host.Queries.GetAsync(agent, incident.Id)));

        await editor.InvokeAsync(() => Select<int?>(editor, "Team").SelectOption((int?)serviceDesk.Id));
        await editor.InvokeAsync(() => Select<string>(editor, "Assignee").SelectOption(agent.UserId));
        editor.FindComponents<MudCheckBox<bool>>().Single(c => c.Instance.Label == "Override priority").Find("input").Change(true);
        await editor.InvokeAsync(() => Select<Priority?>(editor, "Overridden priority").SelectOption((Priority?)Priority.P1));
        editor.FindComponents<MudTextField<string>>().Single(f => f.Instance.Label == "Reason for the override").Find("input").Input("CEO's laptop");
        editor.Find("form").Submit();

        editor.WaitForAssertion(() => Assert.Contains("Saved.", editor.Markup));
        var stored = await host.StoredAsync(incident.Id);
        Assert.Equal((serviceDesk.Id, agent.UserId), (stored.AssignmentGroupId, stored.AssigneeId));
        Assert.Equal((Priority.P1, "CEO's laptop"), (stored.Priority, stored.PriorityOverrideReason));
    }

    [Fact]
    public async Task The_tasks_panel_adds_a_task_through_its_dialog_and_lists_it()
    {
        await using var ctx = HostContext();
        var dialogs = ctx.Render<MudDialogProvider>();
        ctx.Render<MudPopoverProvider>();
        var (agent, incident) = await IncidentAsync();
        var panel = ctx.Render<IncidentTasksPanel>(p => p.Add(t => t.Incident, incident).Add(t => t.Actor, agent));
        panel.WaitForAssertion(() => Assert.Contains("No tasks yet", panel.Markup));

        panel.FindAll("button").Single(b => b.TextContent.Trim() == "Add task").Click();
        dialogs.WaitForAssertion(() => Assert.Contains($"Add a task to {incident.Reference}", dialogs.Markup));
        dialogs.Find("form").Submit();
        dialogs.WaitForAssertion(() => Assert.Contains("The title is required.", dialogs.Markup));

        dialogs.FindComponents<MudTextField<string>>().Single(f => f.Instance.Label == "Task").Find("input").Input("Call the vendor");
        var network = await host.TeamIdAsync("Network");
        await dialogs.InvokeAsync(() => dialogs.FindComponents<MudSelect<int?>>().Single(s => s.Instance.Label == "Team").Instance.SelectOption((int?)network));
        dialogs.Find("form").Submit();

        panel.WaitForAssertion(() => Assert.Equal("Call the vendor", panel.Find($"ul[aria-label='Tasks of {incident.Reference}'] li").GetAttribute("aria-label")));
        Assert.Contains("Open", panel.Find("li").TextContent);
        Assert.Contains("1 open of 1", panel.Markup);
    }

    [Fact]
    public async Task The_reporters_view_never_shows_a_work_note()
    {
        await using var ctx = HostContext();
        ctx.Render<MudDialogProvider>();
        var (agent, incident) = await IncidentAsync();
        await host.Incidents.ChangeAsync(agent, incident.Id, null, new AddComment("We are on it.", IsPublic: true));
        await host.Incidents.ChangeAsync(agent, incident.Id, null, new AddComment("SECRET gateway misconfigured", IsPublic: false));
        var reporter = await host.ActorAsync("reporter@demo.local");
        var seen = await host.Queries.GetAsync(reporter, incident.Id);

        var view = ctx.Render<ReporterIncidentView>(p => p.Add(v => v.Incident, seen).Add(v => v.Actor, reporter)
            .Add(v => v.Reload, () => host.Queries.GetAsync(reporter, incident.Id)));

        Assert.Contains("We are on it.", view.Find("ol[aria-label=Timeline]").TextContent);
        Assert.DoesNotContain("SECRET", view.Markup);
        Assert.DoesNotContain("Internal work note", view.Markup); // a reporter has no work-note choice either
    }

    private BunitContext HostContext()
    {
        // A scope of the app's own: its scoped services resolve as they do for a circuit (the scope ends with the host).
        return Context(host.Services.CreateScope().ServiceProvider);
    }

    /// <summary>A fresh incident reported by the demo reporter, as the demo agent sees it.</summary>
    private async Task<(Actor Agent, IncidentDetails Incident)> IncidentAsync()
    {
        var agent = await host.ActorAsync("agent@demo.local");
        var reported = await host.ReportAsync(await host.ActorAsync("reporter@demo.local"), $"Scanner offline {Guid.NewGuid():N}");
        return (agent, await host.Queries.GetAsync(agent, reported.Id));
    }

    private static MudSelect<T> Select<T>(IRenderedComponent<IncidentFieldsEditor> editor, string label) =>
        editor.FindComponents<MudSelect<T>>().Single(s => s.Instance.Label == label).Instance;
}

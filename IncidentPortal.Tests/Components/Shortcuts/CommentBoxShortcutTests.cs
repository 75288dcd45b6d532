using Bunit;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Incidents.Pages;
using IncidentPortal.Features.Shortcuts;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.Extensions.DependencyInjection;
using static IncidentPortal.Tests.Components.Workspace.WorkspaceFixtures;

namespace IncidentPortal.Tests.Components.Shortcuts;

/// <summary>The comment box: r and n pick reply or work note; monitoring's incidents start on a work note; @ suggests staff.</summary>
public sealed class CommentBoxShortcutTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    private async Task<(BunitContext Ctx, IRenderedComponent<CommentBox> Box, ShortcutHub Hub)> RenderAsync(Actor actor, bool allowInternal,
        bool defaultInternal = false)
    {
        var scope = host.Services.CreateScope().ServiceProvider;
        var ctx = Context(scope);
        var incident = await host.ReportAsync(await host.ActorAsync(DemoEmails.Reporter), $"Keys {Guid.NewGuid():N}");
        var box = ctx.Render<CommentBox>(p => p.Add(c => c.IncidentId, incident.Id).Add(c => c.Actor, actor).Add(c => c.AllowInternal, allowInternal)
            .Add(c => c.DefaultInternal, defaultInternal).Add(c => c.Posted, () => Task.CompletedTask));
        return (ctx, box, scope.GetRequiredService<ShortcutHub>());
    }

    [Fact]
    public async Task R_and_n_switch_between_a_public_reply_and_a_work_note()
    {
        var (ctx, box, hub) = await RenderAsync(await host.ActorAsync(DemoEmails.Agent), allowInternal: true);
        await using var _ = ctx;
        Assert.False(box.Instance.Draft.Internal);

        await box.InvokeAsync(() => hub.RaiseAsync(ShortcutCommand.WorkNote));
        box.WaitForAssertion(() => Assert.Contains("Add work note", box.Find("button[type=submit]").TextContent));
        await box.InvokeAsync(() => hub.RaiseAsync(ShortcutCommand.Reply));
        box.WaitForAssertion(() => Assert.Contains("Post reply", box.Find("button[type=submit]").TextContent));
        Assert.False(box.Instance.Draft.Internal);
    }

    [Fact]
    public async Task A_reporter_never_gets_a_work_note_from_a_key()
    {
        var (ctx, box, hub) = await RenderAsync(await host.ActorAsync(DemoEmails.Reporter), allowInternal: false, defaultInternal: true);
        await using var _ = ctx;
        Assert.False(box.Instance.Draft.Internal);
        await box.InvokeAsync(() => hub.RaiseAsync(ShortcutCommand.WorkNote));
        Assert.False(box.Instance.Draft.Internal);
        Assert.Contains("Post comment", box.Find("button[type=submit]").TextContent);
    }

    [Fact]
    public async Task An_incident_from_monitoring_starts_on_a_work_note_that_suggests_staff_to_mention()
    {
        var (ctx, box, _) = await RenderAsync(await host.ActorAsync(DemoEmails.Manager), allowInternal: true, defaultInternal: true);
        await using var __ = ctx;
        Assert.True(box.Instance.Draft.Internal);
        Assert.Contains("Add work note", box.Find("button[type=submit]").TextContent);

        box.Find("textarea").Input("Please check @Al");
        box.WaitForAssertion(() => Assert.NotNull(box.Find("[aria-label='Mention Alex Agent']")));
        Assert.DoesNotContain("Riley Reporter", box.Markup);
        box.Find("[aria-label='Mention Alex Agent']").Click();
        box.WaitForAssertion(() => Assert.Equal("Please check @Alex Agent ", box.Instance.Draft.Text));
        Assert.Empty(box.FindAll("[aria-label='Mention suggestions']"));

        box.Find("textarea").Input("Ask @Riley");
        box.WaitForAssertion(() => Assert.Empty(box.FindAll("[aria-label='Mention suggestions']")));
    }
}

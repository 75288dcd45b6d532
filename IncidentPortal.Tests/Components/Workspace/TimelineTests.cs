using Bunit;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Incidents.Pages;
using static IncidentPortal.Tests.Components.Workspace.WorkspaceFixtures;

namespace IncidentPortal.Tests.Components.Workspace;

/// <summary>Public replies and internal work notes look different, so nobody mistakes one for the other.</summary>
public sealed class TimelineComponentTests
{
    [Fact]
    public async Task A_work_note_is_marked_internal_and_a_public_reply_is_not()
    {
        await using var ctx = Context();
        TimelineEntry[] entries =
        [
            new(1, T0, "Riley Reporter", ActivityKind.Created, "created", null, true),
            new(2, T0.AddMinutes(5), "Alex Agent", ActivityKind.PublicComment, "commented", "We are on it.", true),
            new(3, T0.AddMinutes(6), "Alex Agent", ActivityKind.WorkNote, "noted", "Gateway misconfigured by us.", false),
        ];

        var timeline = ctx.Render<Timeline>(p => p.Add(t => t.Entries, entries));

        var items = timeline.FindAll("li.tl-item");
        Assert.Equal(3, items.Count);
        var note = items[0];
        Assert.Contains("tl-note", note.ClassList);
        Assert.Contains("Internal", note.TextContent);
        Assert.Contains("tl-text-internal", note.QuerySelector(".tl-text")!.ClassList);
        var reply = items[1];
        Assert.DoesNotContain("Internal", reply.TextContent);
        Assert.DoesNotContain("tl-text-internal", reply.QuerySelector(".tl-text")!.ClassList);
        Assert.Equal("Timeline", timeline.Find("ol").GetAttribute("aria-label"));
    }
}

using Bunit;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Sla;
using IncidentPortal.Features.Sla.Pages;
using static IncidentPortal.Tests.Components.Workspace.WorkspaceFixtures;

namespace IncidentPortal.Tests.Components.Workspace;

/// <summary>An SLA clock reads differently running, paused and breached: state, tone, time left or over, and the due time.</summary>
public sealed class SlaClockCardTests
{
    private static readonly BusinessCalendar AllDay = BusinessCalendar.AlwaysOpen("24x7");

    [Fact]
    public async Task A_running_clock_shows_the_time_left_and_its_due_time()
    {
        await using var ctx = Context();
        var clock = Reading(SlaClockState.Running, elapsed: TimeSpan.FromHours(1), due: T0.AddHours(3));

        var card = Card(ctx, clock, TimeSpan.FromHours(1));

        Assert.Equal("Running", card.Find("article").GetAttribute("data-state"));
        Assert.Contains("sla-running", card.Find("article").ClassList);
        Assert.Equal("3h 00m 00s left", card.Find("[aria-label='Resolution time remaining']").TextContent.Trim());
        Assert.Equal("25", card.Find("[role=progressbar]").GetAttribute("aria-valuenow"));
        Assert.Contains("Due", card.Find("dl").TextContent);
    }

    [Fact]
    public async Task A_paused_clock_stands_still_and_is_due_when_it_resumes()
    {
        await using var ctx = Context();
        var clock = Reading(SlaClockState.Paused, elapsed: TimeSpan.FromHours(2), due: null) with { PausedFor = OnHoldReason.AwaitingUser };

        var card = Card(ctx, clock, TimeSpan.FromHours(2));

        Assert.Contains("sla-paused", card.Find("article").ClassList);
        Assert.Contains("Paused", card.Find(".sla-state").TextContent);
        Assert.Contains("when it resumes", card.Find("dl").TextContent);
    }

    [Fact]
    public async Task A_breached_clock_says_how_far_over_it_is()
    {
        await using var ctx = Context();
        var clock = Reading(SlaClockState.Breached, elapsed: TimeSpan.FromHours(5), due: T0.AddHours(-1));

        var card = Card(ctx, clock, TimeSpan.FromHours(5));

        Assert.Contains("sla-breached", card.Find("article").ClassList);
        Assert.EndsWith("over", card.Find("[aria-label='Resolution time remaining']").TextContent.Trim());
        Assert.Contains("Breached", card.Find("dl").TextContent);
    }

    private static SlaClockReading Reading(SlaClockState state, TimeSpan elapsed, DateTime? due) => new(
        SlaClockKind.Resolution, Priority.P1, AllDay.Name, Target: TimeSpan.FromHours(4), Elapsed: elapsed, State: state,
        PausedFor: null, DueAt: due, WarnAt: null, StoppedAt: null,
        Segments: [new SlaSegment(T0.AddHours(-1), null, state == SlaClockState.Paused ? SlaSegmentKind.Paused : SlaSegmentKind.Running, null, elapsed)]);

    private static IRenderedComponent<SlaClockCard> Card(Bunit.BunitContext ctx, SlaClockReading clock, TimeSpan elapsed) =>
        ctx.Render<SlaClockCard>(p => p.Add(c => c.Clock, clock).Add(c => c.Calendar, AllDay).Add(c => c.Now, T0).Add(c => c.Elapsed, elapsed));
}

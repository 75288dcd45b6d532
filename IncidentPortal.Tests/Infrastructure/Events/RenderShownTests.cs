using IncidentPortal.Infrastructure.Events;
using IncidentPortal.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace IncidentPortal.Tests.Infrastructure.Events;

public sealed class RenderShownTests
{
    private readonly FakeTimeProvider clock = new(TestClock.MondayMorning);

    [Fact]
    public async Task A_reload_lasts_until_the_browser_has_applied_the_render()
    {
        var shown = new RenderShown(clock);
        var reload = shown.NextAsync();
        Assert.False(reload.IsCompleted);
        shown.Rendered();
        await reload.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_render_that_is_never_acknowledged_ends_the_wait_after_the_timeout()
    {
        var shown = new RenderShown(clock);
        var reload = shown.NextAsync();
        clock.Advance(RenderShown.Timeout - TimeSpan.FromMilliseconds(1));
        Assert.False(reload.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await reload.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_newer_wait_releases_the_older_one_and_a_render_before_any_wait_is_not_kept()
    {
        var shown = new RenderShown(clock);
        shown.Rendered();
        var first = shown.NextAsync();
        Assert.False(first.IsCompleted);
        var second = shown.NextAsync();
        await first.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(second.IsCompleted);
        shown.Rendered();
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }
}

using IncidentPortal.Infrastructure.Events;
using Microsoft.Extensions.Time.Testing;

namespace IncidentPortal.Tests.Infrastructure.Events;

/// <summary>The throttle's time is a FakeTimeProvider: "at once" means without the clock moving at all.</summary>
public sealed class ReloadThrottleTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(300);
    private readonly FakeTimeProvider clock = new();
    private int reloads;

    private ReloadThrottle Counting() => new(Window, () => { Interlocked.Increment(ref reloads); return Task.CompletedTask; }, clock);

    [Fact]
    public async Task The_first_change_reloads_at_once()
    {
        using var throttle = Counting();

        throttle.Request();

        await WaitUntil(() => reloads == 1);
    }

    [Fact]
    public async Task A_burst_is_coalesced_into_one_trailing_reload_at_the_end_of_the_window()
    {
        using var throttle = Counting();
        throttle.Request();
        await WaitUntil(() => reloads == 1);

        for (var i = 0; i < 50; i++) throttle.Request();
        await Settle();
        Assert.Equal(1, reloads); // the window has not passed: the burst waits

        clock.Advance(Window);
        await WaitUntil(() => reloads == 2);
        clock.Advance(Window * 5);
        await Settle();
        Assert.Equal(2, reloads); // 51 changes, two reloads
    }

    [Fact]
    public async Task A_change_after_a_quiet_spell_reloads_at_once_again()
    {
        using var throttle = Counting();
        throttle.Request();
        await WaitUntil(() => reloads == 1);
        clock.Advance(Window * 2);
        await Settle();

        throttle.Request();

        await WaitUntil(() => reloads == 2);
    }

    [Fact]
    public async Task A_change_during_a_reload_is_not_lost()
    {
        var firstRunning = new TaskCompletionSource();
        var releaseFirst = new TaskCompletionSource();
        using var throttle = new ReloadThrottle(Window, async () =>
        {
            if (Interlocked.Increment(ref reloads) == 1)
            {
                firstRunning.SetResult();
                await releaseFirst.Task;
            }
        }, clock);

        throttle.Request();
        await firstRunning.Task.WaitAsync(TimeSpan.FromSeconds(10));
        throttle.Request(); // its change may have been committed after the first reload read
        releaseFirst.SetResult();
        await Settle();
        clock.Advance(Window);

        await WaitUntil(() => reloads == 2);
    }

    [Fact]
    public async Task After_a_slow_reload_the_page_pauses_as_long_as_it_took()
    {
        var release = new TaskCompletionSource();
        using var throttle = new ReloadThrottle(Window, async () =>
        {
            if (Interlocked.Increment(ref reloads) == 1)
            {
                clock.Advance(Window * 3); // the database took three windows
                await release.Task;
            }
        }, clock);
        throttle.Request();
        await WaitUntil(() => reloads == 1);
        throttle.Request();
        release.SetResult();
        await Settle();

        clock.Advance(Window * 2);
        await Settle();
        Assert.Equal(1, reloads); // less than the last reload took since it started

        clock.Advance(Window);
        await WaitUntil(() => reloads == 2);
    }

    [Fact]
    public async Task Nothing_reloads_after_dispose()
    {
        var throttle = Counting();
        throttle.Request();
        await WaitUntil(() => reloads == 1);
        throttle.Request();
        throttle.Dispose();
        throttle.Request();

        clock.Advance(Window * 3);
        await Settle();
        Assert.Equal(1, reloads);
    }

    private static Task Settle() => Task.Delay(150);

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out.");
            await Task.Delay(10);
        }
    }
}

using IncidentPortal.Infrastructure.Events;

namespace IncidentPortal.Tests.Infrastructure.Events;

public sealed class ReloadThrottleTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task A_burst_of_requests_causes_one_reload_after_the_wait()
    {
        var reloads = 0;
        using var throttle = new ReloadThrottle(Wait, () => { Interlocked.Increment(ref reloads); return Task.CompletedTask; });

        for (var i = 0; i < 50; i++) throttle.Request();
        Assert.Equal(0, reloads);

        await WaitUntil(() => reloads == 1);
        await Task.Delay(Wait * 3);
        Assert.Equal(1, reloads);
    }

    [Fact]
    public async Task A_request_during_a_reload_is_not_lost()
    {
        var reloads = 0;
        var firstRunning = new TaskCompletionSource();
        var releaseFirst = new TaskCompletionSource();
        using var throttle = new ReloadThrottle(Wait, async () =>
        {
            if (Interlocked.Increment(ref reloads) == 1)
            {
                firstRunning.SetResult();
                await releaseFirst.Task;
            }
        });

        throttle.Request();
        await firstRunning.Task.WaitAsync(TimeSpan.FromSeconds(10));
        throttle.Request(); // the change it announces may have been committed after the first reload read
        releaseFirst.SetResult();

        await WaitUntil(() => reloads == 2);
    }

    [Fact]
    public async Task Nothing_reloads_after_dispose()
    {
        var reloads = 0;
        var throttle = new ReloadThrottle(Wait, () => { Interlocked.Increment(ref reloads); return Task.CompletedTask; });
        throttle.Request();
        throttle.Dispose();
        throttle.Request();

        await Task.Delay(Wait * 3);
        Assert.Equal(0, reloads);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out.");
            await Task.Delay(20);
        }
    }
}

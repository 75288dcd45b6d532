using IncidentPortal.Features.Escalation;
using IncidentPortal.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace IncidentPortal.Tests.Features.Escalation;

/// <summary>The worker against real SQLite files: across a restart, and with two app instances on one database.</summary>
public sealed class EscalationWorkerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task After_a_restart_the_run_resumes_without_repeating_the_step_it_already_fired()
    {
        using var folder = new TempDirectory();
        var clock = new FakeTimeProvider(TestClock.MondayMorning);
        int incidentId;
        string alex, dana;
        await using (var first = new EscalationHost(clock, folder.Path))
        {
            var policy = await first.TwoStepPolicyAsync("Restart policy", "agent@demo.local", "dana@demo.local", Wait);
            incidentId = (await first.ReportAsync("Restart me")).Id;
            (alex, dana) = (await first.UserIdAsync("agent@demo.local"), await first.UserIdAsync("dana@demo.local"));
            var started = await first.Get<EscalationService>().StartPolicyAsync(await first.ActorAsync("manager@demo.local"), incidentId, policy, "Customer VIP");
            Assert.True(started.Succeeded, started.Error);
            await EscalationHost.EventuallyAsync(async () => (await first.EscalationNotificationsAsync(incidentId)).Count == 1, "step 1 fired");
        }

        // Down while the wait passes: the step fell due with no instance running.
        clock.Advance(Wait);
        await using var second = new EscalationHost(clock, folder.Path);
        await EscalationHost.EventuallyAsync(async () => (await second.EscalationNotificationsAsync(incidentId)).Count >= 2, "step 2 fired after the restart");
        await Task.Delay(2500); // a few more worker passes: nothing else may fire before the next wait is over

        var notified = await second.EscalationNotificationsAsync(incidentId);
        Assert.Equal([alex, dana], notified.Select(n => n.UserId));
        var timeline = await second.EscalationTimelineAsync(incidentId);
        Assert.Single(timeline, t => t.Contains("step 1 of 2"));
        Assert.Single(timeline, t => t.Contains("step 2 of 2"));

        clock.Advance(Wait);
        await EscalationHost.EventuallyAsync(async () => (await second.EscalationTimelineAsync(incidentId)).Any(t => t.Contains("ended")), "the run ended");
        Assert.Contains("Policy \"Restart policy\" ended: nobody acknowledged after 1 round", await second.EscalationTimelineAsync(incidentId));
    }

    [Fact]
    public async Task Two_instances_on_one_database_notify_each_step_exactly_once()
    {
        using var folder = new TempDirectory();
        var clock = new FakeTimeProvider(TestClock.MondayMorning);
        await using var a = new EscalationHost(clock, folder.Path);
        var policy = await a.TwoStepPolicyAsync("Race policy", "agent@demo.local", "dana@demo.local", Wait, repeats: 1);
        var incidentId = (await a.ReportAsync("Race me")).Id;
        await using var b = new EscalationHost(clock, folder.Path);
        _ = b.Services; // both instances' workers are running now
        var started = await b.Get<EscalationService>().StartPolicyAsync(await b.ActorAsync("manager@demo.local"), incidentId, policy, "Outage");
        Assert.True(started.Succeeded, started.Error);

        // Besides their background loops, both instances are pushed to fire at the same moment, several times per step.
        for (var step = 1; step <= 4; step++)
        {
            for (var i = 0; i < 5; i++)
                await Task.WhenAll(a.Get<EscalationWorker>().RunOnceAsync(), b.Get<EscalationWorker>().RunOnceAsync());
            var expected = step;
            await EscalationHost.EventuallyAsync(async () => (await a.EscalationNotificationsAsync(incidentId)).Count >= expected, $"step {step}");
            clock.Advance(Wait);
        }
        await Task.Delay(1500);

        var alex = await a.UserIdAsync("agent@demo.local");
        var dana = await a.UserIdAsync("dana@demo.local");
        Assert.Equal([alex, dana, alex, dana], (await a.EscalationNotificationsAsync(incidentId)).Select(n => n.UserId));
        var timeline = await a.EscalationTimelineAsync(incidentId);
        Assert.Equal(4, timeline.Count(t => t.Contains(": notified ")));
        Assert.Single(timeline, t => t.Contains("step 1 of 2 (round 2 of 2)"));
        Assert.Single(timeline, t => t.Contains("ended: nobody acknowledged after 2 rounds"));
    }
}

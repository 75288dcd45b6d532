using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Events;
using IncidentPortal.Tests.Features.Incidents.Support;
using IncidentPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace IncidentPortal.Tests.Features.Incidents.Queue;

/// <summary>Open queue pages share one result per question until an incident changes or a second passes.</summary>
public sealed class QueueResultCacheTests : IDisposable
{
    private readonly InProcessEventBus bus = new(NullLogger<InProcessEventBus>.Instance);
    private readonly FakeTimeProvider clock = new(TestClock.MondayMorning);
    private readonly QueueResultCache cache;
    private int computed;

    public QueueResultCacheTests() => cache = new QueueResultCache(bus, clock);

    private Task<int> Ask(string key = "list|all-open") => cache.GetAsync(key, _ => Task.FromResult(++computed), CancellationToken.None);

    [Fact]
    public async Task Pages_asking_the_same_between_two_changes_share_one_computation()
    {
        Assert.Equal(1, await Ask());
        Assert.Equal(1, await Ask());
        Assert.Equal(1, computed);
    }

    [Fact]
    public async Task An_incident_change_makes_the_next_page_compute_again()
    {
        await Ask();
        await bus.PublishAsync(new IncidentCreated(7, 7, 1, null, "Monitoring", "r", null, null, IncidentStatus.New));
        Assert.Equal(2, await Ask());
        Assert.Equal(2, await Ask());
    }

    [Fact]
    public async Task A_result_serves_at_most_one_second_without_any_change()
    {
        await Ask();
        clock.Advance(QueueResultCache.MaxAge - TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, await Ask());
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, await Ask());
    }

    [Fact]
    public async Task Different_questions_are_computed_apart()
    {
        Assert.Equal(1, await Ask("counts|user-a"));
        Assert.Equal(2, await Ask("counts|user-b"));
        Assert.Equal(1, await Ask("counts|user-a"));
    }

    [Fact]
    public async Task A_failed_computation_is_not_served_to_the_next_page()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            cache.GetAsync<int>("list", _ => throw new InvalidOperationException("database gone"), CancellationToken.None));
        Assert.Equal(1, await Ask("list"));
    }

    [Fact]
    public async Task A_page_that_leaves_does_not_cancel_the_result_others_wait_for()
    {
        var release = new TaskCompletionSource<int>();
        using var leaving = new CancellationTokenSource();
        var first = cache.GetAsync("list", _ => release.Task, leaving.Token);
        var second = cache.GetAsync("list", _ => Task.FromResult(-1), CancellationToken.None);
        await leaving.CancelAsync();
        release.SetResult(42);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal(42, await second);
    }

    public void Dispose() => cache.Dispose();
}

/// <summary>Through the app: shared results never hide a change, and one agent's work is never another's.</summary>
public sealed class SharedQueueResultTests : IAsyncLifetime
{
    private readonly IncidentTestHost host = new();
    public Task InitializeAsync() => host.InitializeAsync();
    public Task DisposeAsync() => host.DisposeAsync().AsTask();

    [Fact]
    public async Task A_new_incident_shows_on_the_next_load_and_My_work_stays_personal()
    {
        var queue = host.Services.GetRequiredService<QueueService>();
        var agent = await host.ActorAsync(DemoEmails.Agent);
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var allOpen = new QueueQuery { View = QueueView.AllOpen, Sort = QueueSort.Created, Descending = true };
        var before = await queue.GetAsync(agent, allOpen);

        var incident = await host.ReportAsync(reporter, "Shared result probe");
        var after = await queue.GetAsync(manager, allOpen);
        Assert.Equal(before.Total + 1, after.Total);
        Assert.Equal(incident.Id, after.Rows[0].Id);
        Assert.Equal(after.ViewCounts[QueueView.AllOpen], (await queue.GetAsync(agent, allOpen)).ViewCounts[QueueView.AllOpen]);

        await queue.AssignToMeAsync(agent, incident.Id, teamId: (await queue.GetFilterOptionsAsync(agent)).MyTeamIds[0]);
        var mine = new QueueQuery { View = QueueView.MyWork };
        var agentWork = await queue.GetAsync(agent, mine);
        var managerWork = await queue.GetAsync(manager, mine);
        Assert.Contains(agentWork.Rows, r => r.Id == incident.Id);
        Assert.DoesNotContain(managerWork.Rows, r => r.Id == incident.Id);
        Assert.Equal(agentWork.Total, agentWork.ViewCounts[QueueView.MyWork]);
        Assert.Equal(managerWork.Total, managerWork.ViewCounts[QueueView.MyWork]);
    }
}

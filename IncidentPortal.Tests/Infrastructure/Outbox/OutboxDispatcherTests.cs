using IncidentPortal.Infrastructure.Outbox;
using IncidentPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IncidentPortal.Tests.Infrastructure.Outbox;

public sealed class OutboxDispatcherTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private readonly FakeTimeProvider clock = new(TestClock.MondayMorning);
    private readonly OutboxOptions options = new() { RetryBaseSeconds = 30, MaxAttempts = 3, Parallelism = 4 };

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();
    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Delivers_a_due_message_once_and_marks_it_sent()
    {
        var handler = new RecordingHandler();
        var id = await EnqueueAsync(new Ping("hello"));

        await Dispatcher(handler).DeliverDueAsync();
        await Dispatcher(handler).DeliverDueAsync();

        Assert.Equal(["hello"], handler.Received);
        var message = await LoadAsync(id);
        Assert.Equal(OutboxState.Sent, message.State);
        Assert.Equal(1, message.Attempts);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, message.SentAt);
    }

    [Fact]
    public async Task A_failure_is_retried_after_an_exponential_backoff_and_nothing_is_lost()
    {
        var handler = new RecordingHandler { FailuresLeft = 2 };
        var id = await EnqueueAsync(new Ping("retry me"));
        var dispatcher = Dispatcher(handler);

        await dispatcher.DeliverDueAsync();
        var afterFirst = await LoadAsync(id);
        Assert.Equal((OutboxState.Pending, 1), (afterFirst.State, afterFirst.Attempts));
        Assert.Contains("server down", afterFirst.LastError);
        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddSeconds(30), afterFirst.DueAt);

        clock.Advance(TimeSpan.FromSeconds(29));
        await dispatcher.DeliverDueAsync();
        Assert.Equal(1, (await LoadAsync(id)).Attempts);

        clock.Advance(TimeSpan.FromSeconds(1));
        await dispatcher.DeliverDueAsync();
        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddSeconds(60), (await LoadAsync(id)).DueAt);

        clock.Advance(TimeSpan.FromSeconds(60));
        await dispatcher.DeliverDueAsync();
        var delivered = await LoadAsync(id);
        Assert.Equal((OutboxState.Sent, 3), (delivered.State, delivered.Attempts));
        Assert.Equal(["retry me"], handler.Received);
    }

    [Fact]
    public async Task Gives_up_at_once_when_the_handler_says_retrying_cannot_help_and_after_the_last_attempt()
    {
        var goneId = await EnqueueAsync(new Ping("gone"));
        await Dispatcher(new RecordingHandler { GiveUp = true }).DeliverDueAsync();
        Assert.Equal(OutboxState.GaveUp, (await LoadAsync(goneId)).State);

        var failingId = await EnqueueAsync(new Ping("always failing"));
        var failing = Dispatcher(new RecordingHandler { FailuresLeft = int.MaxValue });
        for (var i = 0; i < options.MaxAttempts; i++)
        {
            await failing.DeliverDueAsync();
            clock.Advance(TimeSpan.FromHours(1));
        }
        var gaveUp = await LoadAsync(failingId);
        Assert.Equal((OutboxState.GaveUp, options.MaxAttempts), (gaveUp.State, gaveUp.Attempts));
    }

    [Fact]
    public async Task A_message_of_an_unknown_kind_is_given_up_with_a_clear_error()
    {
        await using (var db = database.Factory.CreateDbContext())
        {
            IncidentPortal.Infrastructure.Outbox.Outbox.Enqueue(db, "carrier-pigeon", new Ping("coo"), clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }
        await Dispatcher(new RecordingHandler()).DeliverDueAsync();
        await using var check = database.Factory.CreateDbContext();
        var message = await check.OutboxMessages.SingleAsync();
        Assert.Equal(OutboxState.GaveUp, message.State);
        Assert.Contains("carrier-pigeon", message.LastError);
    }

    [Fact]
    public async Task Two_dispatchers_on_one_database_deliver_each_message_exactly_once()
    {
        for (var i = 0; i < 40; i++) await EnqueueAsync(new Ping($"m{i}"));
        var shared = new RecordingHandler { Delay = TimeSpan.FromMilliseconds(5) };

        await Task.WhenAll(Dispatcher(shared).DeliverDueAsync(), Dispatcher(shared).DeliverDueAsync(), Dispatcher(shared).DeliverDueAsync());

        Assert.Equal(40, shared.Received.Count);
        Assert.Equal(40, shared.Received.Distinct().Count());
        await using var db = database.Factory.CreateDbContext();
        Assert.Equal(40, await db.OutboxMessages.CountAsync(m => m.State == OutboxState.Sent && m.Attempts == 1));
    }

    private OutboxDispatcher Dispatcher(RecordingHandler handler) => new(database.Factory, [handler], new OutboxSignal(),
        Options.Create(options), clock, NullLogger<OutboxDispatcher>.Instance);

    private async Task<long> EnqueueAsync(Ping payload)
    {
        await using var db = database.Factory.CreateDbContext();
        var message = IncidentPortal.Infrastructure.Outbox.Outbox.Enqueue(db, RecordingHandler.KindName, payload, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        return message.Id;
    }

    private async Task<OutboxMessage> LoadAsync(long id)
    {
        await using var db = database.Factory.CreateDbContext();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private sealed record Ping(string Text);

    private sealed class RecordingHandler : IOutboxHandler
    {
        public const string KindName = "ping";
        private readonly object gate = new();
        public List<string> Received { get; } = [];
        public int FailuresLeft { get; set; }
        public bool GiveUp { get; init; }
        public TimeSpan Delay { get; init; }
        public string Kind => KindName;

        public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
        {
            if (Delay > TimeSpan.Zero) await Task.Delay(Delay, ct);
            if (GiveUp) throw new OutboxGiveUpException("410 Gone");
            lock (gate)
            {
                if (FailuresLeft > 0)
                {
                    FailuresLeft--;
                    throw new IOException("server down");
                }
                Received.Add(message.PayloadAs<Ping>().Text);
            }
        }
    }
}

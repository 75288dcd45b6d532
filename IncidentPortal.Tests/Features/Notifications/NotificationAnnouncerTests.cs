using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Infrastructure;
using IncidentPortal.Infrastructure.Events;
using IncidentPortal.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IncidentPortal.Tests.Features.Notifications;

/// <summary>Held announcements go out with their own committed change, once, and never for a save that did not happen.</summary>
public sealed class NotificationAnnouncerTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private readonly InProcessEventBus events = new(NullLogger<InProcessEventBus>.Instance);
    private NotificationAnnouncer announcer = null!;
    private readonly List<NotificationsCreated> announced = [];
    private IDisposable? subscription;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        var clock = new FakeTimeProvider(TestClock.MondayMorning);
        announcer = new NotificationAnnouncer(events,
            new Notifier(database.Factory, events, clock, Options.Create(new PortalOptions())), clock, NullLogger<NotificationAnnouncer>.Instance);
        await announcer.StartAsync(default);
        subscription = events.Subscribe<NotificationsCreated>(e => { lock (announced) announced.Add(e); return Task.CompletedTask; });
    }

    public async Task DisposeAsync()
    {
        subscription?.Dispose();
        await announcer.StopAsync(default);
        await database.DisposeAsync();
    }

    [Fact]
    public async Task A_saved_change_is_announced_once_when_its_event_arrives()
    {
        await using (var db = database.Factory.CreateDbContext())
        {
            announcer.HoldUntilCommitted(db, incidentId: 7, version: 3, [Batch("user-1")]);
            await db.SaveChangesAsync();
        }
        Assert.Empty(announced);

        await events.PublishAsync(Updated(7, 3));
        await events.PublishAsync(Updated(7, 3));

        Assert.Equal(["user-1"], Assert.Single(announced).UserIds);
    }

    [Fact]
    public async Task A_change_that_was_never_saved_is_not_announced_even_when_a_rival_change_with_its_version_is()
    {
        await using (var lost = database.Factory.CreateDbContext())
        await using (var won = database.Factory.CreateDbContext())
        {
            announcer.HoldUntilCommitted(lost, incidentId: 7, version: 4, [Batch("from-the-loser")]);
            announcer.HoldUntilCommitted(won, incidentId: 7, version: 4, [Batch("from-the-winner")]);
            await won.SaveChangesAsync();
        }

        await events.PublishAsync(Updated(7, 4));

        Assert.Equal(["from-the-winner"], Assert.Single(announced).UserIds);
    }

    [Fact]
    public async Task Another_incidents_event_releases_nothing()
    {
        await using (var db = database.Factory.CreateDbContext())
        {
            announcer.HoldUntilCommitted(db, incidentId: 7, version: 5, [Batch("user-1")]);
            await db.SaveChangesAsync();
        }

        await events.PublishAsync(Updated(8, 5));
        await events.PublishAsync(Updated(7, 6));

        Assert.Empty(announced);
    }

    private static NotificationBatch Batch(string userId) =>
        new([userId], new NotificationRequest(NotificationKind.Assigned, "Assigned", null, "/incidents/7", 7));

    private static IncidentUpdated Updated(int id, int version) =>
        new(id, id, version, "actor", "Actor", "reporter", null, null, IncidentStatus.InProgress, [], false, null, null);
}

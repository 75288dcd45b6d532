using IncidentPortal.Features.Notifications;
using IncidentPortal.Infrastructure;
using IncidentPortal.Infrastructure.Events;
using IncidentPortal.Infrastructure.Mail;
using IncidentPortal.Infrastructure.Outbox;
using IncidentPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IncidentPortal.Tests.Features.Notifications;

public sealed class NotifierTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private readonly InProcessEventBus events = new(NullLogger<InProcessEventBus>.Instance);
    private Notifier notifier = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        notifier = new Notifier(database.Factory, events, new FakeTimeProvider(TestClock.MondayMorning), Options.Create(new PortalOptions { PublicUrl = "https://portal.example.com/" }));
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Defaults_give_an_in_app_notification_and_an_email_with_an_absolute_link_for_an_assignment()
    {
        var dana = await ConfirmedUserAsync("dana");
        NotificationsCreated? announced = null;
        using var _ = events.Subscribe<NotificationsCreated>(e => { announced = e; return Task.CompletedTask; });

        await notifier.NotifyAsync([dana], new NotificationRequest(NotificationKind.Assigned, "INC-000042 assigned to you", "VPN down", "/incidents/42", null));

        await using var db = database.Factory.CreateDbContext();
        var notification = await db.Notifications.SingleAsync();
        Assert.Equal((dana, "INC-000042 assigned to you", "/incidents/42"), (notification.UserId, notification.Title, notification.Link));
        var mail = (await db.OutboxMessages.SingleAsync()).PayloadAs<EmailMessage>();
        Assert.Equal("dana@test.local", mail.To);
        Assert.Contains("https://portal.example.com/incidents/42", mail.TextBody);
        Assert.Equal([dana], announced?.UserIds);
    }

    [Fact]
    public async Task Preferences_decide_per_kind_and_unconfirmed_addresses_get_no_mail()
    {
        var quiet = await ConfirmedUserAsync("quiet");
        var unconfirmed = (await database.AddUserAsync("unconfirmed")).Id;
        await using (var db = database.Factory.CreateDbContext())
        {
            db.NotificationPreferences.Add(new NotificationPreference { UserId = quiet, Kind = NotificationKind.SlaBreach, InApp = false, Email = false });
            await db.SaveChangesAsync();
        }

        await notifier.NotifyAsync([quiet, unconfirmed, quiet], new NotificationRequest(NotificationKind.SlaBreach, "Breached", null, null, null));

        await using var check = database.Factory.CreateDbContext();
        Assert.Equal([unconfirmed], await check.Notifications.Select(n => n.UserId).ToListAsync());
        Assert.Equal(0, await check.OutboxMessages.CountAsync());
    }

    [Fact]
    public async Task Nothing_is_written_when_the_callers_unit_of_work_is_not_saved()
    {
        var dana = await ConfirmedUserAsync("dana");
        await using (var db = database.Factory.CreateDbContext())
        {
            await notifier.AddAsync(db, [dana], new NotificationRequest(NotificationKind.Escalation, "Escalated", null, null, null));
            // The caller's change failed: it never saves.
        }
        await using var check = database.Factory.CreateDbContext();
        Assert.Equal(0, await check.Notifications.CountAsync() + await check.OutboxMessages.CountAsync());
    }

    private async Task<string> ConfirmedUserAsync(string name)
    {
        var user = await database.AddUserAsync(name);
        await using var db = database.Factory.CreateDbContext();
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, true));
        return user.Id;
    }
}

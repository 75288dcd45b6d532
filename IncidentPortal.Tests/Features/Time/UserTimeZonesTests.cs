using IncidentPortal.Features.Notifications;
using IncidentPortal.Features.Time;
using IncidentPortal.Infrastructure;
using IncidentPortal.Infrastructure.Events;
using IncidentPortal.Infrastructure.Mail;
using IncidentPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IncidentPortal.Tests.Features.Time;

/// <summary>The profile's time zone against a real database, and notifications written in each recipient's zone.</summary>
public sealed class UserTimeZonesTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private UserTimeZones zones = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        zones = new UserTimeZones(database.Factory);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task The_browsers_zone_is_stored_once_and_a_choice_on_the_profile_wins_over_it()
    {
        var user = (await database.AddUserAsync("traveller")).Id;
        Assert.Null(await zones.GetIdAsync(user));

        Assert.Equal(TimeZoneChange.Saved, await zones.DetectedAsync(user, "America/New_York"));
        Assert.Equal("America/New_York", await zones.GetIdAsync(user));
        Assert.Equal(TimeZoneChange.AlreadySet, await zones.DetectedAsync(user, "Asia/Tokyo"));   // another browser later
        Assert.Equal("America/New_York", await zones.GetIdAsync(user));

        Assert.Equal(TimeZoneChange.Saved, await zones.SetAsync(user, "W. Europe Standard Time"));
        Assert.Equal("Europe/Berlin", await zones.GetIdAsync(user));                           // stored by its IANA id
    }

    [Fact]
    public async Task An_unknown_zone_is_refused_and_nothing_changes()
    {
        var user = (await database.AddUserAsync("careful")).Id;
        await zones.SetAsync(user, "Europe/Berlin");

        Assert.Equal(TimeZoneChange.Unknown, await zones.SetAsync(user, "Europe/Atlantis"));
        Assert.Equal(TimeZoneChange.Unknown, await zones.SetAsync(user, ""));
        Assert.Equal("Europe/Berlin", await zones.GetIdAsync(user));
        Assert.Equal(TimeZoneChange.NoUser, await zones.SetAsync("nobody", "Europe/Berlin"));
    }

    [Fact]
    public async Task Each_recipient_reads_a_notification_and_its_email_in_their_own_zone()
    {
        var berlin = await ConfirmedUserAsync("berlin", "Europe/Berlin");
        var newYork = await ConfirmedUserAsync("newyork", "America/New_York");
        var unset = await ConfirmedUserAsync("unset", null);
        var notifier = new Notifier(database.Factory, new InProcessEventBus(NullLogger<InProcessEventBus>.Instance),
            new FakeTimeProvider(TestClock.MondayMorning), Options.Create(new PortalOptions { PublicUrl = "https://portal.example.com/" }));
        var due = new DateTime(2026, 11, 23, 14, 0, 0, DateTimeKind.Utc);

        await notifier.NotifyAsync([berlin, newYork, unset], new NotificationRequest(NotificationKind.SlaBreach,
            $"INC-000042: due {TimeText.Stamp(due)}", $"Breached at {TimeText.Stamp(due)}", "/incidents/42", null));

        await using var db = database.Factory.CreateDbContext();
        var titles = await db.Notifications.ToDictionaryAsync(n => n.UserId, n => n.Title);
        Assert.Equal("INC-000042: due Mon 23 Nov 2026, 15:00 UTC+1", titles[berlin]);
        Assert.Equal("INC-000042: due Mon 23 Nov 2026, 09:00 UTC−5", titles[newYork]);
        Assert.Equal("INC-000042: due Mon 23 Nov 2026, 14:00 UTC", titles[unset]);
        var mails = (await db.OutboxMessages.ToListAsync()).Select(m => m.PayloadAs<EmailMessage>()).ToDictionary(m => m.To);
        Assert.StartsWith("Breached at Mon 23 Nov 2026, 09:00 UTC−5", mails["newyork@test.local"].TextBody);
        Assert.Equal("INC-000042: due Mon 23 Nov 2026, 15:00 UTC+1", mails["berlin@test.local"].Subject);
        Assert.DoesNotContain("[[", string.Join(" ", mails.Values.Select(m => m.Subject + m.TextBody)));
    }

    private async Task<string> ConfirmedUserAsync(string name, string? zone)
    {
        var user = await database.AddUserAsync(name);
        await using var db = database.Factory.CreateDbContext();
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.EmailConfirmed, true).SetProperty(u => u.TimeZoneId, zone));
        return user.Id;
    }
}

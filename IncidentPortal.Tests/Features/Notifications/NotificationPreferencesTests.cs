using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Tests.Features.Notifications;

public sealed class NotificationPreferencesTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private NotificationPreferences preferences = null!;
    private Actor reporter = null!;
    private Actor agent = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        preferences = new NotificationPreferences(database.Factory, TimeProvider.System);
        var r = await database.AddUserAsync("reporter");
        var a = await database.AddUserAsync("agent");
        reporter = new Actor(r.Id, "Reporter", false, false, false);
        agent = new Actor(a.Id, "Agent", true, false, false);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Reporters_choose_only_about_what_can_reach_them_and_start_from_the_defaults()
    {
        var choices = await preferences.GetAsync(reporter);

        // A reporter may watch a colleague's incident: they choose about that too.
        Assert.Equal([NotificationKind.Comment, NotificationKind.Resolved, NotificationKind.System, NotificationKind.MajorIncident, NotificationKind.Watching],
            choices.Choices.Select(c => c.Kind));
        Assert.All(choices.Choices, c => Assert.True(c.InApp));
        Assert.Equal([true, true, false, true, false], choices.Choices.Select(c => c.Email));
        Assert.False(choices.EmailConfirmed);
        Assert.Equal("reporter@test.local", choices.Email);
    }

    [Fact]
    public async Task Staff_choose_about_every_kind_with_their_assignments_first()
    {
        var choices = await preferences.GetAsync(agent);

        Assert.Equal(Enum.GetValues<NotificationKind>().Length, choices.Choices.Count);
        Assert.Equal(NotificationKind.Assigned, choices.Choices[0].Kind);
    }

    [Fact]
    public async Task Only_choices_that_differ_from_the_defaults_are_stored_and_going_back_removes_them()
    {
        await preferences.SaveAsync(agent, [new(NotificationKind.Assigned, InApp: true, Email: false), new(NotificationKind.Alert, true, false)]);

        Assert.Equal([(NotificationKind.Assigned, true, false)], await StoredAsync(agent));
        Assert.Contains(new NotificationChoice(NotificationKind.Assigned, true, false), (await preferences.GetAsync(agent)).Choices);

        await preferences.SaveAsync(agent, [new(NotificationKind.Assigned, InApp: true, Email: true)]);
        Assert.Empty(await StoredAsync(agent));
    }

    [Fact]
    public async Task A_reporter_cannot_save_a_staff_only_kind_and_nothing_changes()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => preferences.SaveAsync(reporter,
            [new(NotificationKind.Comment, false, false), new(NotificationKind.SlaBreach, false, false)]));

        Assert.Empty(await StoredAsync(reporter));
    }

    private async Task<List<(NotificationKind, bool, bool)>> StoredAsync(Actor actor)
    {
        await using var db = database.Factory.CreateDbContext();
        return (await db.NotificationPreferences.Where(p => p.UserId == actor.UserId).ToListAsync())
            .Select(p => (p.Kind, p.InApp, p.Email)).ToList();
    }
}

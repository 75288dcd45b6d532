using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Features.Reports;
using IncidentPortal.Features.Reports.Digest;
using IncidentPortal.Features.Sla;
using IncidentPortal.Features.Teams;
using IncidentPortal.Infrastructure;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Mail;
using IncidentPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IncidentPortal.Tests.Features.Reports.Digest;

/// <summary>
/// The worker on a real SQLite database (no demo data, so every figure is hand-computed), read in Europe/London (GMT in
/// these weeks: local = UTC). The digest of Mon 7 Dec 2026 covers 30 Nov–6 Dec, compared with 23–29 Nov.
/// Week before: A reported 24 Nov 10:00, assigned 10:30, resolved 12:00 (MTTA 30 min, MTTR 2 h); B reported 25 Nov 09:00, left open.
/// This week: C reported 30 Nov 09:00, assigned 09:10, resolved 10:00 (10 min, 1 h); D reported 1 Dec 09:00, assigned 10:00,
/// resolved 13:00, reopened 2 Dec 09:00, resolved 11:00 (60 min, final 26 h, reopened); E reported 3 Dec 09:00, open;
/// F reported Mon 7 Dec 07:00 (after the range).
/// So: created 3 (2 before), resolved 2 (1), backlog at the end 2: B and E (1: B), MTTA median of [10, 60] = 10 min (30 min),
/// MTTR median of [1 h, 26 h] = 1 h (2 h), reopen rate 1 of 2 = 50 % (0 %), no major incidents.
/// SLA clocks: response met for A and C, breached for D (stopped on assignment); resolution met for A, C and D. So response
/// compliance 1 of 2 = 50 % (1 of 1 = 100 %), resolution 100 % (100 %), breaches 1 (0).
/// </summary>
public sealed class DigestSenderTests : IAsyncLifetime
{
    private static DateTime Z(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(Z(11, 20, 12)));
    private TestDatabase database = null!;
    private NotificationPreferences preferences = null!;
    private Actor manager = null!;
    private Actor otherManager = null!;
    private Actor agent = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        preferences = new NotificationPreferences(database.Factory, clock);
        manager = await PersonAsync("manager", Roles.Agent, Roles.IncidentManager);
        otherManager = await PersonAsync("other-manager", Roles.IncidentManager);
        agent = await PersonAsync("agent", Roles.Agent);
        await FixtureAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private DigestSender Sender() => new(database.Factory, new WeeklyDigestBuilder(new ReportsService(database.Factory, clock)), clock,
        Options.Create(new PortalOptions { PublicUrl = "https://incidents.example.com/" }), NullLogger<DigestSender>.Instance);

    [Fact]
    public async Task An_opted_in_manager_gets_exactly_one_digest_a_week_with_last_week_s_figures_and_the_change()
    {
        await preferences.SaveAsync(manager, [], weeklyDigest: true);
        clock.SetUtcNow(Z(12, 7, 7, 59));
        Assert.Equal(0, await Sender().SendDueAsync());

        clock.Advance(TimeSpan.FromMinutes(1));   // Mon 7 Dec 08:00 in London
        // Two instances at once, then a restart: one digest.
        var (first, second) = (Sender(), Sender());
        var counts = await Task.WhenAll(first.SendDueAsync(), second.SendDueAsync());
        Assert.Equal(1, counts.Sum());
        Assert.Equal(0, await Sender().SendDueAsync());

        var mail = Assert.Single(await MailsAsync());
        Assert.Equal("manager@test.local", mail.To);
        Assert.Equal("Weekly incident digest: Mon 30 Nov 2026 to Sun 6 Dec 2026", mail.Subject);
        var lines = mail.TextBody.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("Created: 3 (↑ 1; week before: 2)", lines);
        Assert.Contains("Resolved: 2 (↑ 1; week before: 1)", lines);
        Assert.Contains("Backlog at the end of the week: 2 (↑ 1; week before: 1)", lines);
        Assert.Contains("Time to first response (MTTA), median: 10 min (↓ 20 min; week before: 30 min)", lines);
        Assert.Contains("Time to resolve (MTTR), median: 1 h (↓ 1 h; week before: 2 h)", lines);
        Assert.Contains("Response SLA compliance: 50 % (↓ 50 pts; week before: 100 %)", lines);
        Assert.Contains("Resolution SLA compliance: 100 % (no change; week before: 100 %)", lines);
        Assert.Contains("SLA breaches: 1 (↑ 1; week before: 0)", lines);
        Assert.Contains("Reopen rate: 50 % (↑ 50 pts; week before: 0 %)", lines);
        Assert.Contains("Major incidents: 0 (no change; week before: 0)", lines);
        var reports = "https://incidents.example.com/reports?from=2026-11-30&to=2026-12-06&tz=Europe%2FLondon";
        Assert.Contains($"See these figures and drill down: {reports}", lines);
        Assert.Contains("https://incidents.example.com/notifications/preferences", mail.TextBody);
        Assert.Contains($"<a href=\"{reports.Replace("&", "&amp;", StringComparison.Ordinal)}\">", mail.HtmlBody);
        Assert.Contains("<th scope=\"row\" align=\"left\">Reopen rate</th><td align=\"right\">50 %</td><td>↑ 50 pts</td>", mail.HtmlBody);
        Assert.Equal("<https://incidents.example.com/notifications/preferences>", mail.Headers!["List-Unsubscribe"]);

        // The next Monday brings the next week's digest, once.
        clock.SetUtcNow(Z(12, 14, 8, 5));
        Assert.Equal(1, await Sender().SendDueAsync());
        Assert.Equal(0, await Sender().SendDueAsync());
        Assert.Equal(2, (await MailsAsync()).Count);
    }

    [Fact]
    public async Task Opted_out_managers_and_non_managers_get_nothing_and_cannot_opt_in()
    {
        await preferences.SaveAsync(manager, [], weeklyDigest: true);
        await preferences.SaveAsync(manager, [], weeklyDigest: false);
        await Assert.ThrowsAsync<ArgumentException>(() => preferences.SaveAsync(agent, [], weeklyDigest: true));
        Assert.Null((await preferences.GetAsync(agent)).Digest);
        Assert.False((await preferences.GetAsync(otherManager)).Digest!.On);
        // An agent's row left from when they were a manager: the worker checks the role at send time.
        await using (var db = database.Factory.CreateDbContext())
        {
            db.ReportDigestSubscriptions.Add(ReportDigestSubscription.Start(agent.UserId, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        }

        clock.SetUtcNow(Z(12, 7, 9));
        Assert.Equal(0, await Sender().SendDueAsync());
        Assert.Empty(await MailsAsync());
    }

    [Fact]
    public async Task Opting_in_after_Monday_08_00_waits_for_the_next_Monday()
    {
        clock.SetUtcNow(Z(12, 7, 8, 30));
        await preferences.SaveAsync(otherManager, [], weeklyDigest: true);
        Assert.Equal(Z(12, 14, 8), (await preferences.GetAsync(otherManager)).Digest!.NextAt);

        Assert.Equal(0, await Sender().SendDueAsync());
        clock.SetUtcNow(Z(12, 14, 8));
        Assert.Equal(1, await Sender().SendDueAsync());
        Assert.Equal("other-manager@test.local", Assert.Single(await MailsAsync()).To);
    }

    private async Task<List<EmailMessage>> MailsAsync()
    {
        await using var db = database.Factory.CreateDbContext();
        return [.. (await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == EmailMessage.OutboxKind).OrderBy(m => m.Id).ToListAsync())
            .Select(m => m.PayloadAs<EmailMessage>())];
    }

    private async Task<Actor> PersonAsync(string name, params string[] roles)
    {
        var user = await database.AddUserAsync(name);
        await using var db = database.Factory.CreateDbContext();
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, true).SetProperty(u => u.TimeZoneId, "Europe/London"));
        foreach (var role in roles)
        {
            var id = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleOrDefaultAsync();
            if (id is null)
            {
                var created = new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() };
                db.Roles.Add(created);
                id = created.Id;
            }
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = id });
            await db.SaveChangesAsync();
        }
        return new Actor(user.Id, name, roles.Contains(Roles.Agent), roles.Contains(Roles.IncidentManager), roles.Contains(Roles.Admin));
    }

    private async Task FixtureAsync()
    {
        await using var db = database.Factory.CreateDbContext();
        var team = new Team { Name = "Desk", Description = "Desk" };
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        var desk = new Named<int>(team.Id, "Desk");
        var me = new Named<string>(agent.UserId, "agent");
        var reporter = (await database.AddUserAsync("reporter")).Id;
        ChangeContext By(DateTime at, bool isAgent = true) => new(isAgent ? agent.UserId : reporter, at, isAgent);
        Incident New(int number, DateTime at) => Incident.Report(number, new IncidentDraft($"Digest {number}", "", Impact.Low, Urgency.Low,
            IncidentSource.Portal, null, null), reporter, By(at, isAgent: false), PriorityMatrix.ItilDefault);
        void Handle(Incident incident, DateTime assigned, DateTime resolved)
        {
            incident.Assign(By(assigned), desk, me);
            incident.StartWork(By(assigned));
            incident.Resolve(By(resolved), ResolutionCode.Fixed, "Done", null);
        }

        var a = New(1, Z(11, 24, 10));
        Handle(a, Z(11, 24, 10, 30), Z(11, 24, 12));
        var b = New(2, Z(11, 25, 9));
        var c = New(3, Z(11, 30, 9));
        Handle(c, Z(11, 30, 9, 10), Z(11, 30, 10));
        var d = New(4, Z(12, 1, 9));
        Handle(d, Z(12, 1, 10), Z(12, 1, 13));
        d.Reopen(By(Z(12, 2, 9), isAgent: false), "Still broken");
        d.Resolve(By(Z(12, 2, 11)), ResolutionCode.Fixed, "Done again", null);
        var e = New(5, Z(12, 3, 9));
        var f = New(6, Z(12, 7, 7));
        db.Incidents.AddRange(a, b, c, d, e, f);
        await db.SaveChangesAsync();

        await ClockAsync(db, a, SlaClockKind.Response, SlaClockState.Met, Z(11, 24, 10, 30));
        await ClockAsync(db, a, SlaClockKind.Resolution, SlaClockState.Met, Z(11, 24, 12));
        await ClockAsync(db, c, SlaClockKind.Response, SlaClockState.Met, Z(11, 30, 9, 10));
        await ClockAsync(db, c, SlaClockKind.Resolution, SlaClockState.Met, Z(11, 30, 10));
        await ClockAsync(db, d, SlaClockKind.Response, SlaClockState.Breached, Z(12, 1, 10));
        await ClockAsync(db, d, SlaClockKind.Resolution, SlaClockState.Met, Z(12, 2, 11));
    }

    /// <summary>A stopped clock with its verdict, as the SLA engine leaves it (only what the reports read).</summary>
    private static async Task ClockAsync(AppDbContext db, Incident incident, SlaClockKind kind, SlaClockState state, DateTime stoppedAt)
    {
        var clock = SlaClock.For(incident.Id, kind);
        db.SlaClocks.Add(clock);
        await db.SaveChangesAsync();
        await db.SlaClocks.Where(x => x.Id == clock.Id).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.State, state).SetProperty(x => x.StoppedAt, stoppedAt).SetProperty(x => x.TargetMinutes, 30));
    }
}

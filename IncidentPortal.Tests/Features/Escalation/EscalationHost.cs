using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Escalation;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IncidentPortal.Tests.Features.Escalation;

/// <summary>
/// One app instance with the demo organisation, a shared fake clock and a 1-second escalation worker. Several hosts
/// may share one data directory (one SQLite file): that is several app instances on one database.
/// The escalation worker polls on a real timer and reads the fake clock, so after an Advance a step falls due within a
/// real second; loops that wait on the TimeProvider itself only tick when the clock is advanced (see IncidentTestHost).
/// </summary>
public sealed class EscalationHost(FakeTimeProvider clock, string? dataDirectory = null) : PortalFactory(new Dictionary<string, string?>
{
    ["DemoData:Seed"] = "true",
    ["Incidents:AutoCloseAfterDays"] = "0",
    ["Escalation:WatchSeconds"] = "1",
    ["Sla:WatchSeconds"] = "3600",
}, dataDirectory)
{
    public FakeTimeProvider Clock { get; } = clock;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async Task<AppDbContext> DbAsync() => await Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    public async Task<Actor> ActorAsync(string email)
    {
        await using var db = await DbAsync();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).ToListAsync();
        return new Actor(user.Id, user.DisplayName, roles.Contains(Roles.Agent), roles.Contains(Roles.IncidentManager), roles.Contains(Roles.Admin));
    }

    public async Task<string> UserIdAsync(string email)
    {
        await using var db = await DbAsync();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    public async Task<int> TeamIdAsync(string name)
    {
        await using var db = await DbAsync();
        return await db.Teams.Where(t => t.Name == name).Select(t => t.Id).SingleAsync();
    }

    /// <summary>A policy paging <paramref name="first"/>, then <paramref name="second"/>, each waiting <paramref name="wait"/>.</summary>
    public async Task<int> TwoStepPolicyAsync(string name, string first, string second, TimeSpan wait, int repeats = 0)
    {
        var admin = await ActorAsync("admin@demo.local");
        var seconds = (int)wait.TotalSeconds;
        var result = await Get<EscalationPolicyAdminService>().SaveAsync(admin, null, new PolicyInput(name, "", repeats, OffHoursRule.NotifyAnytime,
            [new StepInput(seconds, [await UserIdAsync(first)], []), new StepInput(seconds, [await UserIdAsync(second)], [])]));
        Assert.True(result.Succeeded, result.Error);
        return result.Id!.Value;
    }

    public async Task<Incident> ReportAsync(string title)
    {
        var reporter = await ActorAsync("reporter@demo.local");
        await using var db = await DbAsync();
        var vpn = await db.Services.SingleAsync(s => s.Name == "VPN");
        return await Get<IncidentService>().ReportAsync(reporter, new IncidentDraft(title, "", Impact.Low, Urgency.Low, IncidentSource.Portal, vpn.Id, null));
    }

    public async Task<List<Notification>> EscalationNotificationsAsync(int incidentId)
    {
        await using var db = await DbAsync();
        return await db.Notifications.AsNoTracking().Where(n => n.IncidentId == incidentId && n.Kind == NotificationKind.Escalation)
            .OrderBy(n => n.Id).ToListAsync();
    }

    public async Task<List<string>> EscalationTimelineAsync(int incidentId)
    {
        await using var db = await DbAsync();
        return await db.IncidentActivities.AsNoTracking().Where(a => a.IncidentId == incidentId && a.Field == EscalationWriter.Topic)
            .OrderBy(a => a.Id).Select(a => a.Text!).ToListAsync();
    }

    /// <summary>Waits (real time) until <paramref name="condition"/> holds; the worker runs every second.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for: {what}");
            await Task.Delay(100);
        }
    }
}

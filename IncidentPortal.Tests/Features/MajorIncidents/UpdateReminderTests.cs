using IncidentPortal.Features.MajorIncidents;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Features.MajorIncidents;

/// <summary>Its own host: every running major incident of the database is reminded.</summary>
public sealed class UpdateReminderTests : IAsyncLifetime
{
    private readonly IncidentTestHost host = new();

    public Task InitializeAsync() => host.InitializeAsync();

    public Task DisposeAsync() => host.DisposeAsync().AsTask();

    private async Task<List<string>> TitlesAsync(string userId, string startsWith)
    {
        await using var db = await host.DbAsync();
        return await db.Notifications.Where(n => n.UserId == userId && n.Title.StartsWith(startsWith)).Select(n => n.Title).ToListAsync();
    }

    [Fact]
    public async Task A_due_update_reminds_the_communications_lead_once_and_a_missed_one_tells_the_commander_and_managers()
    {
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var agent = await host.ActorAsync(DemoEmails.Agent);
        var service = host.Services.GetRequiredService<MajorIncidentService>();
        var reminder = host.Services.GetRequiredService<UpdateReminder>();
        var incident = await host.ReportAsync(reporter, "Payments down");
        var id = await service.DeclareAsync(manager, incident.Id, Severity.Sev1, manager.UserId, null);
        await service.AssignRoleAsync(manager, id, ResponseRole.CommunicationsLead, agent.UserId);

        host.Clock.Advance(TimeSpan.FromMinutes(29));
        await reminder.RemindDueAsync();
        Assert.Empty(await TitlesAsync(agent.UserId, "Update due now"));

        // Due (SEV1: 30 minutes): the communications lead is reminded, once, whoever of the app's checks sends it.
        host.Clock.Advance(TimeSpan.FromMinutes(2));
        await reminder.RemindDueAsync();
        await reminder.RemindDueAsync();
        Assert.Equal([$"Update due now on major incident {incident.Reference} (SEV1)"], await TitlesAsync(agent.UserId, "Update due now"));
        Assert.Empty(await TitlesAsync(manager.UserId, "Update due now"));

        // Missed by more than the grace (5 minutes): the commander and the incident managers hear of it, once.
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await reminder.RemindDueAsync();
        await reminder.RemindDueAsync();
        Assert.Single(await TitlesAsync(manager.UserId, $"Update missed on major incident {incident.Reference}"));

        // An update restarts the rhythm.
        await using (var db = await host.DbAsync())
        {
            var major = await db.MajorIncidents.SingleAsync(m => m.Id == id);
            major.RecordCommunication(new(manager.UserId, manager.Name, host.Clock.GetUtcNow().UtcDateTime), "Status page: identified");
            await db.SaveChangesAsync();
        }
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        await reminder.RemindDueAsync();
        Assert.Single(await TitlesAsync(agent.UserId, "Update due now"));
    }
}

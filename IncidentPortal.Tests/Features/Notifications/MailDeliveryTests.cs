using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Infrastructure.Mail;
using IncidentPortal.Infrastructure.Outbox;
using IncidentPortal.Tests.Features.Notifications.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Features.Notifications;

/// <summary>Notification mail end to end: incident change → outbox → MailKit → a real SMTP listener.</summary>
public sealed class MailDeliveryTests(MailPortal portal) : IClassFixture<MailPortal>
{
    [Fact]
    public async Task An_assignment_is_mailed_to_the_assignee_with_a_link_into_the_portal()
    {
        var (reporter, manager, agent) = (await portal.ActorAsync("reporter@demo.local"), await portal.ActorAsync("manager@demo.local"),
            await portal.ActorAsync("agent@demo.local"));
        var incident = await portal.ReportAsync(reporter, "VPN drops every ten minutes");

        await portal.Incidents.ChangeAsync(manager, incident.Id, null, new AssignIncident(await portal.TeamIdAsync("Network"), agent.UserId));

        var mail = await portal.Smtp.WaitForMessageAsync(m => m.Subject.StartsWith($"{incident.Reference} assigned to you"));
        Assert.Equal(["agent@demo.local"], mail.To);
        Assert.Equal($"{incident.Reference} assigned to you: VPN drops every ten minutes", mail.Subject);
        Assert.Contains($"{MailPortal.PublicUrl}/incidents/{incident.Id}", mail.TextBody);
        Assert.Contains("Cannot connect since this morning.", mail.TextBody);
        var inApp = await portal.WithDbAsync(db => db.Notifications.Where(n => n.IncidentId == incident.Id).Select(n => n.UserId).ToListAsync());
        Assert.Equal([agent.UserId], inApp);
    }

    [Fact]
    public async Task While_the_mail_server_is_down_mail_waits_with_its_attempts_counted_and_arrives_when_it_is_back()
    {
        var agent = await portal.ActorAsync("agent@demo.local");
        var title = $"Outage test {Guid.NewGuid():N}";
        portal.Smtp.Stop();
        try
        {
            await portal.Services.GetRequiredService<Notifier>().NotifyAsync([agent.UserId],
                new NotificationRequest(NotificationKind.Assigned, title, "Body", "/incidents/1", null));

            var waiting = await portal.EventuallyAsync(db => EmailTitledAsync(db, title), m => m is { Attempts: >= 2 }, "failed attempts");
            Assert.Equal(OutboxState.Pending, waiting!.State);
            Assert.NotNull(waiting.LastError);
            Assert.DoesNotContain(portal.Smtp.Messages, m => m.Subject == title);
        }
        finally
        {
            portal.Smtp.Start();
        }

        var mail = await portal.Smtp.WaitForMessageAsync(m => m.Subject == title, TimeSpan.FromSeconds(20));
        Assert.Equal(["agent@demo.local"], mail.To);
        var sent = await portal.EventuallyAsync(db => EmailTitledAsync(db, title), m => m is { State: OutboxState.Sent }, "sent state");
        Assert.True(sent!.Attempts >= 3, $"attempts: {sent.Attempts}");
        Assert.Null(sent.LastError);
        Assert.Single(portal.Smtp.Messages, m => m.Subject == title);
    }

    [Fact]
    public async Task The_reporter_is_mailed_public_replies_and_the_resolution_but_never_work_notes()
    {
        var (reporter, agent) = (await portal.ActorAsync("reporter@demo.local"), await portal.ActorAsync("agent@demo.local"));
        var incident = await portal.ReportAsync(reporter, "Payroll export is empty");
        const string note = "Internal: the vendor's API key expired, do not tell the user yet";

        await portal.Incidents.ChangeAsync(agent, incident.Id, null, new AssignIncident(await portal.TeamIdAsync("Network"), agent.UserId));
        await portal.Incidents.ChangeAsync(agent, incident.Id, null, new AddComment(note, IsPublic: false));
        await portal.Incidents.ChangeAsync(agent, incident.Id, null, new AddComment("We are looking into it.", IsPublic: true));
        await portal.Incidents.ChangeAsync(agent, incident.Id, null, new ResolveIncident(ResolutionCode.Fixed, "Renewed the export credentials.", null));

        var resolved = await portal.Smtp.WaitForMessageAsync(m => m.Subject == $"{incident.Reference} is resolved: Payroll export is empty");
        Assert.Contains("Renewed the export credentials.", resolved.TextBody);
        var reply = await portal.Smtp.WaitForMessageAsync(m => m.Subject == $"{incident.Reference}: new reply on your incident");
        Assert.Contains("We are looking into it.", reply.TextBody);
        Assert.Equal(["reporter@demo.local"], reply.To);
        Assert.Equal(2, portal.Smtp.Messages.Count(m => m.To.Contains("reporter@demo.local") && m.Subject.StartsWith(incident.Reference)));
        Assert.DoesNotContain(portal.Smtp.Messages, m => m.Raw.Contains("vendor's API key") || (m.TextBody ?? "").Contains("vendor's API key"));
        // The agent acted every time: nothing about their own actions reaches them.
        Assert.DoesNotContain(portal.Smtp.Messages, m => m.To.Contains("agent@demo.local") && m.Subject.StartsWith(incident.Reference));
    }

    private static Task<OutboxMessage?> EmailTitledAsync(IncidentPortal.Infrastructure.Data.AppDbContext db, string subject) =>
        db.OutboxMessages.AsNoTracking().Where(m => m.Kind == EmailMessage.OutboxKind && m.Payload.Contains(subject)).SingleOrDefaultAsync();
}

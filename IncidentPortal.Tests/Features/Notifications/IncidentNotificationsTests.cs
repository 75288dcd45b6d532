using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Tests.Features.Incidents;
using static IncidentPortal.Tests.Features.Incidents.IncidentBuilder;

namespace IncidentPortal.Tests.Features.Notifications;

/// <summary>Who hears about which incident change (the rules, without a database).</summary>
public sealed class IncidentNotificationsTests
{
    private static readonly ChangeContext Manager = new("manager-1", Start.AddMinutes(5), ActorIsAgent: true);
    private static readonly Named<string> Sam = new("agent-2", "Sam Second");

    [Fact]
    public void Assigning_someone_else_tells_them_by_an_Assigned_notification()
    {
        var incident = New();

        var sent = Change(incident, Manager, i => i.Assign(Manager, Network, Alex));

        var notification = Assert.Single(sent);
        Assert.Equal(Alex.Id, notification.UserId);
        Assert.Equal(NotificationKind.Assigned, notification.Request.Kind);
        Assert.Equal("INC-000001 assigned to you: VPN down", notification.Request.Title);
        Assert.Contains("Cannot connect", notification.Request.Body);
        Assert.Equal("/incidents/0", notification.Request.Link);
    }

    [Fact]
    public void Taking_an_incident_yourself_or_routing_it_to_a_team_tells_nobody()
    {
        Assert.Empty(Change(New(), Agent, i => i.Assign(Agent, Network, Alex)));
        Assert.Empty(Change(New(), Manager, i => i.Assign(Manager, Network, null)));
    }

    [Fact]
    public void Reassigning_tells_the_new_assignee_only()
    {
        var incident = InState(IncidentStatus.InProgress);

        var sent = Change(incident, Manager, i => i.Assign(Manager, Network, Sam));

        Assert.Equal([Sam.Id], sent.Select(n => n.UserId));
    }

    [Fact]
    public void A_public_comment_from_the_reporter_reaches_the_assignee()
    {
        var incident = InState(IncidentStatus.InProgress);

        var sent = Change(incident, Reporter, i => i.AddComment(Reporter, "Still broken after the restart", isPublic: true));

        var notification = Assert.Single(sent);
        Assert.Equal((Alex.Id, NotificationKind.Comment), (notification.UserId, notification.Request.Kind));
        Assert.Equal("INC-000001: new comment from the reporter", notification.Request.Title);
        Assert.Equal("Still broken after the restart", notification.Request.Body);
    }

    [Fact]
    public void A_public_reply_reaches_the_reporter_but_a_work_note_reaches_nobody()
    {
        var incident = InState(IncidentStatus.InProgress);

        var note = Change(incident, Agent, i => i.AddComment(Agent, "Vendor ticket 4711 opened", isPublic: false));
        var reply = Change(incident, Agent, i => i.AddComment(Agent, "We have asked the vendor.", isPublic: true));

        Assert.Empty(note);
        var notification = Assert.Single(reply);
        Assert.Equal((Reporter.ActorId, NotificationKind.Comment), (notification.UserId, notification.Request.Kind));
        Assert.Equal("We have asked the vendor.", notification.Request.Body);
    }

    [Fact]
    public void Resolving_tells_the_reporter_once_with_the_resolution_notes()
    {
        var incident = InState(IncidentStatus.InProgress);

        var sent = Change(incident, Agent, i => i.Resolve(Agent, ResolutionCode.Fixed, "Replaced the router", null));

        var notification = Assert.Single(sent);
        Assert.Equal((Reporter.ActorId, NotificationKind.Resolved), (notification.UserId, notification.Request.Kind));
        Assert.Equal("INC-000001 is resolved: VPN down", notification.Request.Title);
        Assert.StartsWith("Replaced the router", notification.Request.Body);
    }

    [Fact]
    public void The_reporter_reopening_tells_the_assignee_why()
    {
        var incident = InState(IncidentStatus.Resolved);

        var sent = Change(incident, Reporter, i => i.Reopen(Reporter, "It broke again at noon"));

        var notification = Assert.Single(sent);
        Assert.Equal((Alex.Id, NotificationKind.Comment), (notification.UserId, notification.Request.Kind));
        Assert.Equal("INC-000001 reopened by the reporter: VPN down", notification.Request.Title);
        Assert.Equal("It broke again at noon", notification.Request.Body);
    }

    [Fact]
    public void Nobody_hears_about_their_own_action_even_when_they_are_reporter_and_assignee()
    {
        // An agent who reported their own incident and took it.
        var self = new ChangeContext(Alex.Id, Start, ActorIsAgent: true);
        var incident = Incident.Report(1, new IncidentDraft("Laptop fan", null, Impact.Low, Urgency.Low, IncidentSource.Portal, null, null),
            Alex.Id, self, PriorityMatrix.ItilDefault);

        Assert.Empty(Change(incident, self, i => i.Assign(self, Network, Alex)));
        Assert.Empty(Change(incident, self, i => i.AddComment(self, "Cleaned it", isPublic: true)));
        Assert.Empty(Change(incident, self, i => i.Resolve(self, ResolutionCode.Fixed, "Cleaned it", null)));
    }

    private static IReadOnlyList<LifecycleNotification> Change(Incident incident, ChangeContext by, Action<Incident> change)
    {
        var before = incident.Activities.Count;
        change(incident);
        return IncidentNotifications.For(incident, incident.Activities.Skip(before).ToList(), by.ActorId);
    }
}

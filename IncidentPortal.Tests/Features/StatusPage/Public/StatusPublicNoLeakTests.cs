using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.StatusPage;
using IncidentPortal.Tests.Admin.Support;

namespace IncidentPortal.Tests.Features.StatusPage.Public;

/// <summary>
/// StatusPublicOutputTests seeds the public incident directly; this one goes the real way (the publishing service,
/// then work notes, an ETA note and more internal activity AFTER publishing, which re-render every output) and also
/// reads the live event stream's body.
/// </summary>
public sealed class StatusPublicNoLeakTests(AdminPortalFactory portal) : IClassFixture<AdminPortalFactory>
{
    [Fact]
    public async Task Internal_notes_added_after_a_public_update_never_appear_in_any_public_output()
    {
        var marker = "ZZLEAK" + Guid.NewGuid().ToString("N")[..10];
        var manager = await portal.ManagerAsync();
        var incidents = portal.Get<IncidentService>();
        var incident = await incidents.ReportAsync(manager, new IncidentDraft($"Core router {marker}-title", $"Description {marker}-description",
            Impact.High, Urgency.High, IncidentSource.Agent, null, null));
        var component = await StatusTestData.AddComponentAsync(portal.Services, AdminPortalFactory.Unique("Network"), "Infrastructure");
        var published = await portal.Get<StatusService>().PublishUpdateAsync(manager, incident.Id, new PublishRequest("Network is unstable",
            IncidentPhase.Investigating, "Some connections drop; we are on it.", new Dictionary<int, ComponentStatus> { [component.Id] = ComponentStatus.MajorOutage }));
        Assert.True(published.Succeeded);

        await incidents.ChangeAsync(manager, incident.Id, null, new AddComment($"Work note {marker}-worknote: rolled back fw", IsPublic: false));
        await incidents.ChangeAsync(manager, incident.Id, null, new SetEta(DateTime.UtcNow.AddHours(2), $"{marker}-etanote"));
        await incidents.ChangeAsync(manager, incident.Id, null, new RecordIncidentEvent("Alert", $"{marker}-event"));
        var second = await portal.Get<StatusService>().PublishUpdateAsync(manager, incident.Id, new PublishRequest("Network is unstable",
            IncidentPhase.Identified, "We found the faulty device and are replacing it.", new Dictionary<int, ComponentStatus> { [component.Id] = ComponentStatus.PartialOutage },
            ExpectedVersion: null));
        Assert.True(second.Succeeded);
        await StatusTestData.AnnounceAsync(portal.Services);

        using var anonymous = portal.CreateClient();
        var publicIncidentId = published.Id;
        string[] routes = ["/status", "/status?fragment=1", $"/status/incidents/{publicIncidentId}", "/status/history", "/status/history.atom",
            "/api/v2/summary.json", "/api/v2/status.json"];
        foreach (var route in routes)
        {
            var body = await anonymous.GetStringAsync(route);
            Assert.DoesNotContain(marker, body);
        }
        Assert.Contains("We found the faulty device", await anonymous.GetStringAsync($"/status/incidents/{publicIncidentId}"));
        Assert.Contains("We found the faulty device", await anonymous.GetStringAsync("/api/v2/summary.json"));
        Assert.Contains("We found the faulty device", await anonymous.GetStringAsync("/status/history.atom"));

        // The live stream: read what it sends first (its current version) and check that too.
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var events = await anonymous.GetAsync("/status/events", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        await using var stream = await events.Content.ReadAsStreamAsync(cancel.Token);
        using var reader = new StreamReader(stream);
        var first = "";
        while (!first.Contains("data:") && await reader.ReadLineAsync(cancel.Token) is { } line) first += line + "\n";
        Assert.Contains("data:", first);
        Assert.DoesNotContain(marker, first);
    }
}

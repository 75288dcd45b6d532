using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Webhooks;
using IncidentPortal.Tests.Features.Incidents;

namespace IncidentPortal.Tests.Features.Webhooks;

/// <summary>The rules of endpoints, signatures and payloads, without a database or a network.</summary>
public sealed class WebhookRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_signature_is_the_hex_HMAC_SHA256_of_timestamp_dot_body_and_verifies_only_unchanged()
    {
        // Independently computed: printf '1764000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
        var signature = WebhookSignature.Sign("whsec_test", 1764000000, "{\"a\":1}");
        Assert.Equal("sha256=" + OpenSslReference, signature);
        Assert.True(WebhookSignature.Verify("whsec_test", "1764000000", "{\"a\":1}", signature));
        Assert.False(WebhookSignature.Verify("whsec_test", "1764000001", "{\"a\":1}", signature));
        Assert.False(WebhookSignature.Verify("whsec_test", "1764000000", "{\"a\":2}", signature));
        Assert.False(WebhookSignature.Verify("whsec_other", "1764000000", "{\"a\":1}", signature));
        Assert.False(WebhookSignature.Verify("whsec_test", null, "{\"a\":1}", signature));
    }

    private const string OpenSslReference = "c862972147a4361237a5bcb4f74195e2e5d448641115622fe658a65985c5ae8c";

    [Fact]
    public void Generated_secrets_are_long_random_and_distinct()
    {
        var a = WebhookSecrets.Generate();
        var b = WebhookSecrets.Generate();
        Assert.StartsWith("whsec_", a);
        Assert.Equal(6 + 64, a.Length);
        Assert.NotEqual(a, b);
    }

    [Theory]
    [InlineData("https://hooks.example.com/incidents", null)]
    [InlineData("http://chat.intranet.local:8080/hooks/abc", null)]
    [InlineData("http://10.0.0.5/hook", null)]
    [InlineData("", "Enter the URL")]
    [InlineData("hooks.example.com/x", "absolute http")]
    [InlineData("ftp://files.example.com/x", "absolute http")]
    [InlineData("javascript:alert(1)", "absolute http")]
    [InlineData("https://user:pass@hooks.example.com/x", "credentials")]
    [InlineData("https://hooks.example.com/x#frag", "fragment")]
    public void Only_absolute_http_urls_without_credentials_are_accepted(string url, string? problem)
    {
        var found = WebhookEndpoint.UrlProblem(url);
        if (problem is null) Assert.Null(found);
        else Assert.Contains(problem, found);
    }

    [Fact]
    public void An_endpoint_needs_an_event()
    {
        var problems = WebhookEndpoint.Problems(Settings(WebhookEvents.None)).ToList();
        Assert.Equal([("Events", "Choose at least one event to send.")], problems);
    }

    [Fact]
    public void Filters_match_team_or_priority_before_or_after_the_change_and_empty_filters_match_all()
    {
        var all = Endpoint(WebhookEvents.Updated);
        var network = Endpoint(WebhookEvents.Updated, teams: [2]);
        var urgent = Endpoint(WebhookEvents.Updated, priorities: [Priority.P1, Priority.P2]);
        var both = Endpoint(WebhookEvents.Updated, teams: [2], priorities: [Priority.P1]);

        Assert.True(all.Concerns([null], [Priority.P4]));
        Assert.True(network.Concerns([2], [Priority.P4]));
        Assert.True(network.Concerns([5, 2], [Priority.P4]), "moved away from Network: Network still hears it");
        Assert.False(network.Concerns([5, null], [Priority.P4]));
        Assert.True(urgent.Concerns([5], [Priority.P3, Priority.P2]), "lowered from P2: still of interest");
        Assert.False(urgent.Concerns([5], [Priority.P3]));
        Assert.True(both.Concerns([2], [Priority.P1]));
        Assert.False(both.Concerns([2], [Priority.P3]));
        Assert.False(both.Concerns([4], [Priority.P1]));
        Assert.False(Endpoint(WebhookEvents.Updated, enabled: false).Concerns([2], [Priority.P1]), "disabled endpoints hear nothing");
    }

    [Fact]
    public void A_save_gives_each_endpoint_the_most_specific_event_it_subscribes_to()
    {
        var triggered = WebhookEvents.Updated | WebhookEvents.Resolved;
        Assert.Equal(WebhookEvents.Resolved, Endpoint(WebhookEvents.Resolved | WebhookEvents.Updated).EventFor(triggered));
        Assert.Equal(WebhookEvents.Updated, Endpoint(WebhookEvents.Updated).EventFor(triggered));
        Assert.Null(Endpoint(WebhookEvents.Created | WebhookEvents.Commented).EventFor(triggered));
    }

    [Fact]
    public void Events_follow_what_the_change_recorded_and_work_notes_trigger_nothing()
    {
        var incident = IncidentBuilder.New();
        Assert.Equal(WebhookEvents.Created, WebhookPayloads.Triggered(true, incident.Activities));

        Assert.Equal(WebhookEvents.Updated | WebhookEvents.Assigned, Triggered(incident, i => i.Assign(IncidentBuilder.Agent, IncidentBuilder.Network, IncidentBuilder.Alex)));
        Assert.Equal(WebhookEvents.None, Triggered(incident, i => i.AddComment(IncidentBuilder.Agent, "internal: root password is hunter2", isPublic: false)));
        Assert.Equal(WebhookEvents.Updated | WebhookEvents.Commented, Triggered(incident, i => i.AddComment(IncidentBuilder.Agent, "We are on it", isPublic: true)));
        Assert.Equal(WebhookEvents.Updated, Triggered(incident, i => i.StartWork(IncidentBuilder.Agent)));
        Assert.Equal(WebhookEvents.Updated | WebhookEvents.Resolved, Triggered(incident, i => i.Resolve(IncidentBuilder.Agent, ResolutionCode.Fixed, "Rebooted", null)));
        Assert.Equal(WebhookEvents.Updated | WebhookEvents.Reopened, Triggered(incident, i => i.Reopen(IncidentBuilder.Reporter, "Still broken")));
        Assert.Equal(WebhookEvents.Updated | WebhookEvents.Cancelled, Triggered(incident, i => i.Cancel(IncidentBuilder.Agent, "Duplicate")));
    }

    [Fact]
    public void Changes_carry_public_text_but_never_work_notes_or_internal_reasons()
    {
        var incident = IncidentBuilder.InState(IncidentStatus.InProgress);
        var first = incident.Activities.Count;
        incident.AddComment(IncidentBuilder.Agent, "SECRET-NOTE the admin password", isPublic: false);
        incident.OverridePriority(IncidentBuilder.Agent, Priority.P1, "SECRET-REASON the CEO is affected");
        incident.AddComment(IncidentBuilder.Agent, "A fix is on its way", isPublic: true);

        var changes = WebhookPayloads.Changes(incident.Activities.Skip(first).ToList());
        var json = new WebhookPayload("id", "incident.updated", Now, new WebhookActor("Alex"), null, changes).ToJson();
        Assert.DoesNotContain("SECRET", json);
        Assert.Contains(changes, c => c is { Type: "field", Field: "Priority", To: "P1" });
        Assert.Contains(changes, c => c is { Type: "comment", Text: "A fix is on its way" });
        Assert.Equal(2, changes.Count);
    }

    [Fact]
    public void Internal_timeline_events_stay_inside_and_public_ones_are_updates()
    {
        var incident = IncidentBuilder.InState(IncidentStatus.InProgress);
        Assert.Equal(WebhookEvents.None, Triggered(incident, i => i.RecordEvent(IncidentBuilder.Agent, "SLA", "SECRET-SLA breach warning")));
        Assert.Equal(WebhookEvents.Updated, Triggered(incident, i => i.RecordEvent(IncidentBuilder.Agent, "Alert", "Monitoring confirms recovery", isPublic: true)));

        var first = incident.Activities.Count;
        incident.RecordEvent(IncidentBuilder.Agent, "SLA", "SECRET-SLA internal");
        incident.RecordEvent(IncidentBuilder.Agent, "Alert", "Recovered", isPublic: true);
        var change = Assert.Single(WebhookPayloads.Changes(incident.Activities.Skip(first).ToList()));
        Assert.Equal(new WebhookChange("event", "Alert", null, null, "Recovered"), change);
    }

    private static WebhookEvents Triggered(Incident incident, Action<Incident> change)
    {
        var first = incident.Activities.Count;
        change(incident);
        return WebhookPayloads.Triggered(false, incident.Activities.Skip(first).ToList());
    }

    private static WebhookSettings Settings(WebhookEvents events, int[]? teams = null, Priority[]? priorities = null, bool enabled = true) =>
        new("Ops chat", "https://hooks.example.com/x", events, teams ?? [], priorities ?? [], enabled);

    private static WebhookEndpoint Endpoint(WebhookEvents events, int[]? teams = null, Priority[]? priorities = null, bool enabled = true) =>
        WebhookEndpoint.Create(Settings(events, teams, priorities, enabled), "protected", Now);
}

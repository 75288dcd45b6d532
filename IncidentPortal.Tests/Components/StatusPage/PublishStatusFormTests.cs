using Bunit;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.StatusPage;
using IncidentPortal.Features.StatusPage.Manage;
using IncidentPortal.Tests.Components.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace IncidentPortal.Tests.Components.StatusPage;

/// <summary>The workspace's publish form: component statuses and phase shape the preview of the public entry.</summary>
public sealed class PublishStatusFormTests
{
    private static readonly PublishingState NothingPublished = new(null,
    [
        new ComponentChoice(1, "Remote access (VPN)", "Access", ComponentStatus.Operational, ServiceId: 7),
        new ComponentChoice(2, "Email and calendars", "Collaboration", ComponentStatus.Operational, ServiceId: 8),
    ]);

    private static IncidentDetails VpnIncident() => new(
        Id: 42, Number: 42, Version: 1, Title: "VPN drops", Description: "", Status: IncidentStatus.New, Impact: Impact.High, Urgency: Urgency.High,
        Priority: Priority.P2, PriorityOverrideReason: null, Source: IncidentSource.Portal, ServiceId: 7, ServiceName: "VPN", CategoryId: null,
        CategoryName: null, TeamId: null, TeamName: null, AssigneeId: null, AssigneeName: null, ReporterId: "r", ReporterName: "Riley",
        ReporterEmail: null, LoggedByName: null, OnHoldReason: null, ResolutionCode: null, ResolutionNotes: null, Workaround: null, CancelReason: null,
        CreatedAt: DateTime.UtcNow, UpdatedAt: DateTime.UtcNow, FirstResponseAt: null, ResolvedAt: null, ClosedAt: null, ReopenCount: 0, Timeline: []);

    [Fact]
    public async Task Choosing_a_component_status_and_the_phase_shapes_the_preview_and_the_request()
    {
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddScoped<IncidentPortal.Features.Time.ViewerTime>(); // times in UTC, as for a person without a zone
        var popovers = ctx.Render<MudPopoverProvider>();
        PublishRequest? published = null;
        var form = ctx.Render<PublishStatusForm>(p => p.Add(f => f.Incident, VpnIncident()).Add(f => f.State, NothingPublished)
            .Add(f => f.OnPublish, request => published = request));

        // The incident's own service starts as a partial outage.
        Assert.Equal("Partial outage", form.Chosen("Remote access (VPN)"));

        popovers.Choose(form, "Email and calendars", "Major outage");
        popovers.Choose(form, "Phase", "Identified");
        form.FieldLabelled("Public title").Input("Mail and VPN trouble");

        var preview = form.Find("section[aria-label='Preview']");
        Assert.Contains("Mail and VPN trouble", preview.TextContent);
        Assert.Contains("Identified – We have identified the cause of the problems with Remote access (VPN), Email and calendars", preview.TextContent);
        Assert.Contains("This affects:", preview.TextContent);
        Assert.Contains("Email and calendars", preview.TextContent);
        Assert.Contains("Major outage", preview.TextContent);
        Assert.Contains("Partial outage", preview.TextContent);

        popovers.Choose(form, "Remote access (VPN)", "Not affected");
        form.WaitForAssertion(() => Assert.DoesNotContain("Partial outage", form.Find("section[aria-label='Preview']").TextContent));

        form.Find("form").Submit();
        Assert.NotNull(published);
        Assert.Equal(IncidentPhase.Identified, published.Phase);
        Assert.Equal("Mail and VPN trouble", published.Title);
        Assert.Equal(new Dictionary<int, ComponentStatus> { [2] = ComponentStatus.MajorOutage }, published.Components);
    }

    [Fact]
    public async Task The_default_title_names_the_public_components_never_the_internal_service_and_a_written_title_stays()
    {
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        var popovers = ctx.Render<MudPopoverProvider>();
        var form = ctx.Render<PublishStatusForm>(p => p.Add(f => f.Incident, VpnIncident()).Add(f => f.State, NothingPublished));
        string Title() => form.FieldLabelled("Public title").GetAttribute("value") ?? "";

        // The incident's service is "VPN" inside; its component is "Remote access (VPN)" on the page.
        Assert.Equal("Problems with Remote access (VPN)", Title());

        popovers.Choose(form, "Email and calendars", "Degraded performance");
        form.WaitForAssertion(() => Assert.Equal("Problems with Email and calendars and Remote access (VPN)", Title()));

        form.FieldLabelled("Public title").Input("Remote working trouble");
        popovers.Choose(form, "Email and calendars", "Not affected");
        form.WaitForAssertion(() => Assert.Equal("Remote working trouble", Title()));
    }
}

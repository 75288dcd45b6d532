using Bunit;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace IncidentPortal.Tests.Components.Workspace;

/// <summary>What the workspace component tests share: a bunit context with MudBlazor, and incidents to show.</summary>
internal static class WorkspaceFixtures
{
    public static readonly Actor Agent = new("agent-1", "Alex Agent", IsAgent: true, IsIncidentManager: false, IsAdmin: false);
    public static readonly Actor Reporter = new("reporter-1", "Riley Reporter", IsAgent: false, IsIncidentManager: false, IsAdmin: false);
    public static readonly DateTime T0 = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>Not derived from: MudBlazor's services are only IAsyncDisposable (see PLATFORM.md).</summary>
    /// <param name="app">Where services the context lacks come from (the app's, for components that need real data).</param>
    public static BunitContext Context(IServiceProvider? app = null)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddScoped<IncidentPortal.Features.Time.ViewerTime>(); // times in UTC, as for a person without a zone
        if (app is not null) ctx.Services.AddFallbackServiceProvider(app);
        // Last: touching the renderer builds the service provider.
        ctx.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        return ctx;
    }

    public static IncidentDetails Incident(IncidentStatus status, string? assigneeId = null, params TimelineEntry[] timeline) => new(
        Id: 7, Number: 7, Version: 3, Title: "VPN keeps dropping", Description: "Every hour.", Status: status,
        Impact: Impact.Medium, Urgency: Urgency.Medium, Priority: Priority.P3, PriorityOverrideReason: null, Source: IncidentSource.Portal,
        ServiceId: 1, ServiceName: "VPN", CategoryId: null, CategoryName: null,
        TeamId: 10, TeamName: "Network", AssigneeId: assigneeId, AssigneeName: assigneeId is null ? null : "Alex Agent",
        ReporterId: Reporter.UserId, ReporterName: Reporter.Name, ReporterEmail: null, LoggedByName: null,
        OnHoldReason: null, ResolutionCode: null, ResolutionNotes: null, Workaround: null, CancelReason: null,
        CreatedAt: T0, UpdatedAt: T0, FirstResponseAt: null, ResolvedAt: null, ClosedAt: null, ReopenCount: 0, Timeline: timeline);

    public static IncidentChoiceLists Choices() => new(
        [new Choice<int>(1, "VPN")], [],
        [new TeamChoice(10, "Network", [new Choice<string>(Agent.UserId, Agent.Name)]), new TeamChoice(11, "Database", [])]);
}

using IncidentPortal.Tests.Components.Support;
using Bunit;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Features.Routing;
using IncidentPortal.Features.Tasks;
using IncidentPortal.Infrastructure;
using IncidentPortal.Infrastructure.Events;
using IncidentPortal.Tests.Features.Incidents.Queue;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Components.Incidents;

/// <summary>The real services the queue page and its tabs inject, over a QueueWorld's database, clock and events.</summary>
public static class QueueServices
{
    /// <param name="more">Services a test adds (before the renderer starts).</param>
    public static BunitContext ContextFor(QueueWorld world, Action<IServiceCollection>? more = null)
    {
        var ctx = MudTestContext.Create();
        ctx.Services.AddSingleton<TimeProvider>(world.Clock);
        ctx.Services.AddSingleton<IEventBus>(world.Events);
        ctx.Services.AddSingleton(world.Queue);
        ctx.Services.AddSingleton(world.Incidents);
        ctx.Services.AddSingleton(new IncidentPortal.Features.Incidents.Bulk.BulkIncidentService(world.Db, world.Incidents, world.Queue));
        ctx.Services.AddSingleton(new IncidentPortal.Features.Incidents.SavedViews.SavedViewService(world.Db, world.Queue, world.Clock));
        ctx.Services.AddSingleton(new IncidentPortal.Features.Incidents.IncidentChoices(world.Db));
        ctx.Services.AddSingleton(new AutoAssignmentService(world.Db, world.Events, world.Clock));
        var notifier = new Notifier(world.Db, world.Events, world.Clock, Microsoft.Extensions.Options.Options.Create(new PortalOptions()));
        ctx.Services.AddSingleton(new IncidentTaskService(world.Db, world.Events, notifier, world.Clock));
        more?.Invoke(ctx.Services);
        return ctx.Interactive();
    }
}

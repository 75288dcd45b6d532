using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Catalog;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Features.Routing;
using IncidentPortal.Features.StatusPage;
using IncidentPortal.Features.StatusPage.Subscriptions;
using IncidentPortal.Features.Tasks;
using IncidentPortal.Features.Teams;
using IncidentPortal.Features.Webhooks;
using IncidentPortal.Infrastructure.Outbox;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Infrastructure.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<BusinessService> Services => Set<BusinessService>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<IncidentActivity> IncidentActivities => Set<IncidentActivity>();
    public DbSet<PriorityMatrixCell> PriorityMatrix => Set<PriorityMatrixCell>();
    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();
    public DbSet<IncidentTask> IncidentTasks => Set<IncidentTask>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<RoutingRule> RoutingRules => Set<RoutingRule>();
    public DbSet<TeamAutoAssignment> TeamAutoAssignments => Set<TeamAutoAssignment>();
    public DbSet<AgentAvailability> AgentAvailability => Set<AgentAvailability>();
    public DbSet<StatusComponent> StatusComponents => Set<StatusComponent>();
    public DbSet<PublicIncident> PublicIncidents => Set<PublicIncident>();
    public DbSet<PublicIncidentUpdate> PublicIncidentUpdates => Set<PublicIncidentUpdate>();
    public DbSet<ScheduledMaintenance> ScheduledMaintenances => Set<ScheduledMaintenance>();
    public DbSet<ComponentStatusPeriod> ComponentStatusPeriods => Set<ComponentStatusPeriod>();
    public DbSet<StatusSubscriber> StatusSubscribers => Set<StatusSubscriber>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<ApplicationUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(100).IsRequired();
            user.Ignore(u => u.Label);
        });
        builder.ApplyConfiguration(new TeamConfiguration());
        builder.ApplyConfiguration(new BusinessServiceConfiguration());
        builder.ApplyConfiguration(new CategoryConfiguration());
        builder.ApplyConfiguration(new IncidentConfiguration());
        builder.ApplyConfiguration(new IncidentActivityConfiguration());
        builder.ApplyConfiguration(new PriorityMatrixCellConfiguration());
        builder.ApplyConfiguration(new NumberSequenceConfiguration());
        builder.ApplyConfiguration(new IncidentTaskConfiguration());
        builder.ApplyConfiguration(new OutboxMessageConfiguration());
        builder.ApplyConfiguration(new NotificationConfiguration());
        builder.ApplyConfiguration(new NotificationPreferenceConfiguration());
        builder.ApplyConfiguration(new RoutingRuleConfiguration());
        builder.ApplyConfiguration(new TeamAutoAssignmentConfiguration());
        builder.ApplyConfiguration(new AgentAvailabilityConfiguration());
        StatusPageConfiguration.Configure(builder);
        builder.ApplyConfiguration(new StatusSubscriberConfiguration());
        builder.ApplyConfiguration(new StatusSubscriberComponentConfiguration());
        builder.ApplyConfiguration(new WebhookEndpointConfiguration());
        builder.ApplyConfiguration(new WebhookDeliveryConfiguration());
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        // Every timestamp is UTC; SQLite hands DateTime back without a kind, so say so on the way in.
        conventions.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        conventions.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}

using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.ActionItems;
using IncidentPortal.Features.MajorIncidents;
using IncidentPortal.Features.Problems;
using IncidentPortal.Features.Api.Keys;
using IncidentPortal.Features.Catalog;
using IncidentPortal.Features.Escalation;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Features.Reviews;
using IncidentPortal.Features.Routing;
using IncidentPortal.Features.StatusPage;
using IncidentPortal.Features.StatusPage.Subscriptions;
using IncidentPortal.Features.StatusPage.Subscriptions.Webhooks;
using IncidentPortal.Features.Tasks;
using IncidentPortal.Features.Alerts;
using IncidentPortal.Features.Integrations;
using IncidentPortal.Features.Sla;
using IncidentPortal.Features.Teams;
using IncidentPortal.Features.Watchers;
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
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<Features.Reports.Digest.ReportDigestSubscription> ReportDigestSubscriptions => Set<Features.Reports.Digest.ReportDigestSubscription>();
    public DbSet<RoutingRule> RoutingRules => Set<RoutingRule>();
    public DbSet<TeamAutoAssignment> TeamAutoAssignments => Set<TeamAutoAssignment>();
    public DbSet<AgentAvailability> AgentAvailability => Set<AgentAvailability>();
    public DbSet<StatusComponent> StatusComponents => Set<StatusComponent>();
    public DbSet<PublicIncident> PublicIncidents => Set<PublicIncident>();
    public DbSet<PublicIncidentUpdate> PublicIncidentUpdates => Set<PublicIncidentUpdate>();
    public DbSet<ScheduledMaintenance> ScheduledMaintenances => Set<ScheduledMaintenance>();
    public DbSet<ComponentStatusPeriod> ComponentStatusPeriods => Set<ComponentStatusPeriod>();
    public DbSet<StatusSubscriber> StatusSubscribers => Set<StatusSubscriber>();
    public DbSet<StatusWebhookSubscriber> StatusWebhookSubscribers => Set<StatusWebhookSubscriber>();
    public DbSet<StatusWebhookDelivery> StatusWebhookDeliveries => Set<StatusWebhookDelivery>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<AlertIntegration> AlertIntegrations => Set<AlertIntegration>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<AlertOccurrence> AlertOccurrences => Set<AlertOccurrence>();
    public DbSet<BusinessCalendar> BusinessCalendars => Set<BusinessCalendar>();
    public DbSet<SlaPolicy> SlaPolicies => Set<SlaPolicy>();
    public DbSet<SlaClock> SlaClocks => Set<SlaClock>();
    public DbSet<EscalationPolicy> EscalationPolicies => Set<EscalationPolicy>();
    public DbSet<EscalationRun> EscalationRuns => Set<EscalationRun>();
    public DbSet<IncidentEscalation> IncidentEscalations => Set<IncidentEscalation>();
    public DbSet<EscalationRule> EscalationRules => Set<EscalationRule>();
    public DbSet<TeamEscalation> TeamEscalations => Set<TeamEscalation>();
    public DbSet<IncidentReview> IncidentReviews => Set<IncidentReview>();
    public DbSet<ReviewSection> ReviewSections => Set<ReviewSection>();
    public DbSet<ReviewSectionRevision> ReviewSectionRevisions => Set<ReviewSectionRevision>();
    public DbSet<ReviewComment> ReviewComments => Set<ReviewComment>();
    public DbSet<ReviewTemplateSection> ReviewTemplateSections => Set<ReviewTemplateSection>();
    public DbSet<ActionItem> ActionItems => Set<ActionItem>();
    public DbSet<Problem> Problems => Set<Problem>();
    public DbSet<ProblemIncident> ProblemIncidents => Set<ProblemIncident>();
    public DbSet<MajorIncident> MajorIncidents => Set<MajorIncident>();
    public DbSet<ResponseLogEntry> MajorIncidentLog => Set<ResponseLogEntry>();
    public DbSet<SwarmRequest> SwarmRequests => Set<SwarmRequest>();
    public DbSet<Stakeholder> Stakeholders => Set<Stakeholder>();
    public DbSet<Features.Incidents.SavedViews.SavedQueueView> SavedQueueViews => Set<Features.Incidents.SavedViews.SavedQueueView>();
    public DbSet<IncidentWatcher> IncidentWatchers => Set<IncidentWatcher>();

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
        builder.ApplyConfiguration(new Features.Incidents.SavedViews.SavedQueueViewConfiguration());
        builder.ApplyConfiguration(new IncidentActivityConfiguration());
        builder.ApplyConfiguration(new PriorityMatrixCellConfiguration());
        builder.ApplyConfiguration(new NumberSequenceConfiguration());
        builder.ApplyConfiguration(new IncidentTaskConfiguration());
        builder.ApplyConfiguration(new ApiKeyConfiguration());
        builder.ApplyConfiguration(new OutboxMessageConfiguration());
        builder.ApplyConfiguration(new NotificationConfiguration());
        builder.ApplyConfiguration(new NotificationPreferenceConfiguration());
        builder.ApplyConfiguration(new Features.Reports.Digest.ReportDigestSubscriptionConfiguration());
        builder.ApplyConfiguration(new RoutingRuleConfiguration());
        builder.ApplyConfiguration(new TeamAutoAssignmentConfiguration());
        builder.ApplyConfiguration(new AgentAvailabilityConfiguration());
        StatusPageConfiguration.Configure(builder);
        builder.ApplyConfiguration(new StatusSubscriberConfiguration());
        builder.ApplyConfiguration(new StatusSubscriberComponentConfiguration());
        builder.ApplyConfiguration(new StatusWebhookSubscriberConfiguration());
        builder.ApplyConfiguration(new StatusWebhookSubscriberComponentConfiguration());
        builder.ApplyConfiguration(new StatusWebhookDeliveryConfiguration());
        builder.ApplyConfiguration(new WebhookEndpointConfiguration());
        builder.ApplyConfiguration(new WebhookDeliveryConfiguration());
        builder.ApplyConfiguration(new AlertIntegrationConfiguration());
        builder.ApplyConfiguration(new AlertConfiguration());
        builder.ApplyConfiguration(new AlertOccurrenceConfiguration());
        builder.ApplyConfiguration(new BusinessCalendarConfiguration());
        builder.ApplyConfiguration(new WorkingPeriodConfiguration());
        builder.ApplyConfiguration(new CalendarHolidayConfiguration());
        builder.ApplyConfiguration(new SlaPolicyConfiguration());
        builder.ApplyConfiguration(new SlaTargetConfiguration());
        builder.ApplyConfiguration(new SlaClockConfiguration());
        EscalationModel.Configure(builder);
        ReviewModel.Configure(builder);
        builder.ApplyConfiguration(new ActionItemConfiguration());
        builder.ApplyConfiguration(new ProblemConfiguration());
        builder.ApplyConfiguration(new ProblemIncidentConfiguration());
        builder.ApplyConfiguration(new MajorIncidentConfiguration());
        builder.ApplyConfiguration(new RoleAssignmentConfiguration());
        builder.ApplyConfiguration(new ResponseLogEntryConfiguration());
        builder.ApplyConfiguration(new LinkedIncidentConfiguration());
        builder.ApplyConfiguration(new SwarmRequestConfiguration());
        builder.ApplyConfiguration(new SwarmInviteConfiguration());
        builder.ApplyConfiguration(new StakeholderConfiguration());
        builder.ApplyConfiguration(new IncidentWatcherConfiguration());
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        // Every timestamp is UTC; SQLite hands DateTime back without a kind, so say so on the way in.
        conventions.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        conventions.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}

using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.ActionItems;
using IncidentPortal.Features.Admin;
using IncidentPortal.Features.Api;
using IncidentPortal.Features.Alerts;
using IncidentPortal.Features.Catalog;
using IncidentPortal.Features.DemoData;
using IncidentPortal.Features.Escalation;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.MajorIncidents;
using IncidentPortal.Features.Routing;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Features.Reviews;
using IncidentPortal.Features.StatusPage.Public;
using IncidentPortal.Features.Tasks;
using IncidentPortal.Features.Sla;
using IncidentPortal.Features.StatusPage;
using IncidentPortal.Features.StatusPage.Subscriptions;
using IncidentPortal.Features.Teams;
using IncidentPortal.Features.Time;
using IncidentPortal.Features.Webhooks;
using IncidentPortal.Infrastructure;
using IncidentPortal.Infrastructure.Auth;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Events;
using IncidentPortal.Infrastructure.Mail;
using IncidentPortal.Infrastructure.Outbox;
using IncidentPortal.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddWebUi();
builder.AddPortal();
builder.AddEventBus();
builder.AddDatabase();
builder.AddOutbox();
builder.AddMail();
builder.AddNotifications();
builder.AddUserTime();
builder.AddAccounts();
builder.AddTeams();
builder.AddCatalog();
builder.AddIncidents();
builder.AddIncidentRouting();
builder.AddAdmin();
builder.AddWebhooks();
builder.AddApi();
builder.AddDemoData();
builder.AddTasks();
builder.AddAlerts();
builder.AddSla();
builder.AddEscalation();
builder.AddStatusPublishing();
builder.AddStatusSubscriptions();
builder.AddAdminBootstrap();
builder.AddStatusPublic();
builder.AddReviews();
builder.AddActionItems();
builder.AddMajorIncidents();

var app = builder.Build();
if (await app.RunSeedIncidentsCommandAsync(args)) return;

app.UseWebUi();
app.UseApi();
app.UseStatusPublic();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapWebUi();
app.MapAccounts();
app.MapApi();
app.MapAlerts();
app.MapStatusPublic();
app.MapReviews();
app.MapStatusSubscriptions();

app.Run();

/// <summary>Entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;

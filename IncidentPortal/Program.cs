using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Admin;
using IncidentPortal.Features.Catalog;
using IncidentPortal.Features.DemoData;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Routing;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Features.Tasks;
using IncidentPortal.Features.StatusPage;
using IncidentPortal.Features.StatusPage.Subscriptions;
using IncidentPortal.Features.Teams;
using IncidentPortal.Features.Webhooks;
using IncidentPortal.Infrastructure.Auth;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Events;
using IncidentPortal.Infrastructure.Mail;
using IncidentPortal.Infrastructure.Outbox;
using IncidentPortal.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddWebUi();
builder.AddEventBus();
builder.AddDatabase();
builder.AddOutbox();
builder.AddMail();
builder.AddNotifications();
builder.AddAccounts();
builder.AddTeams();
builder.AddCatalog();
builder.AddIncidents();
builder.AddIncidentRouting();
builder.AddAdmin();
builder.AddWebhooks();
builder.AddStatusPublishing();
builder.AddStatusSubscriptions();
builder.AddDemoData();
builder.AddTasks();
builder.AddAdminBootstrap();

var app = builder.Build();
if (await app.RunSeedIncidentsCommandAsync(args)) return;

app.UseWebUi();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapWebUi();
app.MapAccounts();
app.MapStatusSubscriptions();

app.Run();

/// <summary>Entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;

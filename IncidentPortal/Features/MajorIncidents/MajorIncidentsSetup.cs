using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.StatusPage;
using IncidentPortal.Infrastructure.Data;

namespace IncidentPortal.Features.MajorIncidents;

public static class MajorIncidentsSetup
{
    /// <summary>Major incidents: the response's commands, and its settings (severities, update rhythm, surge detection).</summary>
    public static WebApplicationBuilder AddMajorIncidents(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MajorIncidentOptions>().BindConfiguration(MajorIncidentOptions.Section);
        builder.Services.AddSingleton<MajorIncidentService>();
        builder.Services.AddSingleton<SurgeWatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SurgeWatcher>());
        builder.Services.AddSingleton<IStatusNoticeHook, PublicUpdateHook>();
        builder.Services.AddSingleton<IIncidentSaveHook, ParentClosedHook>();
        builder.Services.AddSingleton<ChildUpdateForwarder>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ChildUpdateForwarder>());
        builder.Services.AddSingleton<ProposalNotices>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ProposalNotices>());
        builder.Services.AddSingleton<MajorIncidentQueries>();
        builder.Services.AddSingleton<UpdateReminder>();
        builder.Services.AddSingleton<WarRoomQueries>();
        builder.Services.AddSingleton<WarRoomPresence>();
        builder.Services.AddSingleton<MajorIncidentStatusUpdates>();
        if (builder.Configuration.GetValue("MajorIncidents:Reminders", true))
            builder.Services.AddHostedService(sp => sp.GetRequiredService<UpdateReminder>());
        // After the demo organisation and its incidents (registered earlier in Program.cs).
        if (builder.Configuration.GetValue<bool>("DemoData:Seed"))
            builder.Services.AddSingleton<IStartupSeeder, DemoMajorIncidentSeeder>();
        return builder;
    }
}

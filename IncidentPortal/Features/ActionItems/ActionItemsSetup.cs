using IncidentPortal.Features.DemoData;
using IncidentPortal.Features.Problems;
using IncidentPortal.Infrastructure.Data;

namespace IncidentPortal.Features.ActionItems;

public static class ActionItemsSetup
{
    /// <summary>Action items, their overdue reminders, and the problem records they can spawn.</summary>
    public static WebApplicationBuilder AddActionItems(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ActionItemService>();
        builder.Services.AddSingleton<ProblemService>();
        builder.Services.AddSingleton<ActionItemReminder>();
        if (builder.Configuration.GetValue("ActionItems:Reminders", true))
            builder.Services.AddHostedService(sp => sp.GetRequiredService<ActionItemReminder>());
        // Registered after AddDemoData (seeders run in registration order), so the demo incidents exist by then.
        if (builder.Configuration.GetSection(DemoDataOptions.Section).Get<DemoDataOptions>()?.Seed == true)
            builder.Services.AddSingleton<IStartupSeeder, DemoActionItemSeeder>();
        return builder;
    }
}

using IncidentPortal.Features.Problems;

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
        return builder;
    }
}

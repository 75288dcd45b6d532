namespace IncidentPortal.Features.Shortcuts;

public static class ShortcutsSetup
{
    public static void AddShortcuts(this WebApplicationBuilder builder) => builder.Services.AddScoped<ShortcutHub>();
}

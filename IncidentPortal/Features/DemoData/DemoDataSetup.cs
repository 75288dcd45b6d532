using IncidentPortal.Infrastructure.Data;

namespace IncidentPortal.Features.DemoData;

public static class DemoDataSetup
{
    public static WebApplicationBuilder AddDemoData(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(DemoDataOptions.Section);
        builder.Services.Configure<DemoDataOptions>(section);
        builder.Services.AddSingleton<BulkIncidentGenerator>();
        if (section.Get<DemoDataOptions>()?.Seed == true)
            builder.Services.AddSingleton<IStartupSeeder, DemoDataSeeder>();
        return builder;
    }
}

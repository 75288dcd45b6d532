using IncidentPortal.Infrastructure.Data;

namespace IncidentPortal.Features.Reviews;

public static class ReviewsSetup
{
    public static WebApplicationBuilder AddReviews(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ReviewOptions>(builder.Configuration.GetSection(ReviewOptions.Section));
        builder.Services.AddSingleton<ReviewService>();
        builder.Services.AddSingleton<ReviewMarkdown>();
        builder.Services.AddSingleton<ReviewQueries>();
        builder.Services.AddSingleton<ReviewTemplateService>();
        builder.Services.AddSingleton<ReviewPresence>();
        builder.Services.AddSingleton<IStartupSeeder, ReviewTemplateSeeder>();
        // Seeders run in registration order: AddReviews comes after AddDemoData, so the demo incidents exist by then.
        if (builder.Configuration.GetValue<bool>("DemoData:Seed")) builder.Services.AddSingleton<IStartupSeeder, DemoReviewSeeder>();
        builder.Services.AddSingleton<ReviewReminder>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ReviewReminder>());
        return builder;
    }

    public static WebApplication MapReviews(this WebApplication app)
    {
        app.MapReviewExport();
        return app;
    }
}

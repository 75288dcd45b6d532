using System.Text.Json.Serialization;
using IncidentPortal.Features.Api.Catalog;
using IncidentPortal.Features.Api.Incidents;
using IncidentPortal.Features.Api.Keys;
using IncidentPortal.Features.Api.OpenApi;
using IncidentPortal.Features.MajorIncidents;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace IncidentPortal.Features.Api;

/// <summary>The REST API at /api/v1, its API keys, its OpenAPI document (/openapi/v1.json) and its docs page.</summary>
public static class ApiSetup
{
    public const string DocsPath = "/api/docs";
    /// <summary>Picks the API key when the request carries one, else the browser's sign-in cookie.</summary>
    public const string AuthenticationScheme = "ApiKeyOrCookie";
    public const string Policy = "Api";

    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<IncidentListQuery>();
        services.AddSingleton<Docs.ApiDocsSource>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(AuthenticationScheme, "API key or cookie", options => options.ForwardDefaultSelector = context =>
                ApiKeyAuthenticationHandler.CarriesKey(context.Request) ? ApiKeyAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme);
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(AuthenticationScheme).RequireAuthenticatedUser());
        // Enums travel by name ("InProgress", "P2"): readable, and stable when an enum gains a member. Numbers are refused:
        // the converter would otherwise accept any integer (impact 99) and leave the rules to meet an undefined value.
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
            options.SerializerOptions.Converters.Add(new TextWithoutNulConverter());
        });
        // Binding failures (bad JSON, a wrong enum name) throw, so UseApiProblemResponses can say what was wrong.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddOpenApi(ApiDocument.Name, ApiDocument.Configure);
        return builder;
    }

    /// <summary>Goes after the status-code pages and before authentication, so every /api error is problem details.</summary>
    public static WebApplication UseApi(this WebApplication app)
    {
        app.UseApiProblemResponses();
        return app;
    }

    public static WebApplication MapApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(Policy)
            .AddEndpointFilter(ApiErrors.MapExceptions)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        var incidents = api.MapGroup("/incidents").WithTags("Incidents");
        incidents.MapIncidentReads();
        incidents.MapIncidentWrites();
        api.MapCatalog();
        api.MapMajorIncidents();
        Reports.ReportEndpoints.MapReportsApi(api);
        return app;
    }
}

using IncidentPortal.Features.Api.Keys;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IncidentPortal.Features.Api.OpenApi;

/// <summary>The OpenAPI document at /openapi/v1.json: the /api endpoints only, with how to authenticate.</summary>
public static class ApiDocument
{
    public const string Name = "v1";
    public const string Url = "/openapi/v1.json";
    /// <summary>Any one of them authorises a call; each is declared in the document's components.</summary>
    private static readonly string[] SecuritySchemes = ["bearer", "apiKey", "cookie"];

    public static void Configure(OpenApiOptions options)
    {
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.OrdinalIgnoreCase) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "IncidentPortal API",
                Version = "v1",
                Description = "Incidents, services, categories and teams. Authenticate with a personal API key "
                    + "(Authorization: Bearer ipa_… or X-Api-Key: ipa_…; create one under Your account › API keys) or, from the browser, "
                    + "with your sign-in cookie; writes with the cookie need the X-Requested-With header. A key acts as its owner, "
                    + "with the same rights as in the portal; a read key cannot write. Errors are RFC 9457 problem details.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "ipa_<key>",
                Description = "A personal API key as a bearer token.",
            };
            document.Components.SecuritySchemes["apiKey"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeyAuthenticationHandler.HeaderName,
                Description = "A personal API key in its own header.",
            };
            document.Components.SecuritySchemes["cookie"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = "IncidentPortal.Auth",
                Description = "The browser's sign-in cookie. Writes also need the X-Requested-With header (CSRF protection).",
            };
            document.Security ??= [];
            foreach (var scheme in SecuritySchemes)
                document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, document)] = [] });
            return Task.CompletedTask;
        });
    }
}

using IncidentPortal.Features.Api.Keys;

namespace IncidentPortal.Features.Api;

/// <summary>
/// The gate on every API write. A key must have the read-write scope. A browser's cookie must come with the
/// <c>X-Requested-With</c> header: a page on another site cannot add a custom header to a request without a CORS
/// preflight, which this app never grants, so a forged cross-site request (CSRF) is refused before it does anything.
/// </summary>
public static class ApiWriteAccess
{
    public const string CsrfHeader = "X-Requested-With";

    public static async ValueTask<object?> Require(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        switch (ApiPrincipal.KeyScope(http.User))
        {
            case ApiKeyScope.ReadWrite:
                break;
            case ApiKeyScope.Read:
                return ApiErrors.Problem(StatusCodes.Status403Forbidden, "This API key is read-only. Create a read-write key to make changes.");
            case null when string.IsNullOrWhiteSpace(http.Request.Headers[CsrfHeader]):
                return ApiErrors.Problem(StatusCodes.Status403Forbidden,
                    $"A write signed in with the browser cookie must send the '{CsrfHeader}' header (any value), so other sites cannot forge it. Scripts should use an API key.");
        }
        return await next(context);
    }

    public static TBuilder RequireWriteAccess<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(Require);
}

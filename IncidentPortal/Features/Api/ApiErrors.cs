using IncidentPortal.Features.Api.Keys;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.MajorIncidents;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IncidentPortal.Features.Api;

/// <summary>
/// Every API answer that is an error is RFC 9457 problem details. The services' exceptions map to statuses here
/// (one table for all endpoints); bare statuses from authentication, routing and model binding are given a body by
/// <see cref="UseApiProblemResponses"/>, which also keeps the HTML status pages away from <c>/api</c>.
/// </summary>
public static class ApiErrors
{
    public static bool IsApiPath(PathString path) =>
        path.StartsWithSegments("/api") && !path.StartsWithSegments(ApiSetup.DocsPath);

    /// <summary>The endpoint filter on the API group: a service's refusal becomes the matching problem.</summary>
    public static async ValueTask<object?> MapExceptions(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (IncidentNotFoundException e) { return Problem(StatusCodes.Status404NotFound, e.Message); }
        catch (IncidentRuleException e) { return Problem(StatusCodes.Status422UnprocessableEntity, e.Message); }
        catch (ApiKeyRuleException e) { return Problem(StatusCodes.Status422UnprocessableEntity, e.Message); }
        catch (UnauthorizedAccessException e) { return Problem(StatusCodes.Status403Forbidden, e.Message); }
        catch (MajorIncidentNotFoundException e) { return Problem(StatusCodes.Status404NotFound, e.Message); }
        catch (MajorIncidentRuleException e) { return Problem(StatusCodes.Status422UnprocessableEntity, e.Message); }
        catch (MajorIncidentConflictException e) { return Problem(StatusCodes.Status409Conflict, e.Message); }
        catch (IncidentConflictException e)
        {
            // With If-Match the caller stated a version and it is stale (412); without, other writers kept winning (409).
            var status = context.HttpContext.Request.Headers.IfMatch.Count > 0 ? StatusCodes.Status412PreconditionFailed : StatusCodes.Status409Conflict;
            return TypedResults.Problem(e.Message, statusCode: status, extensions: new Dictionary<string, object?> { ["missedChanges"] = e.Missed });
        }
    }

    public static ProblemHttpResult Problem(int status, string detail) => TypedResults.Problem(detail, statusCode: status);

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static IApplicationBuilder UseApiProblemResponses(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!IsApiPath(context.Request.Path))
        {
            await next(context);
            return;
        }
        // Set by the status-code-pages middleware earlier in the pipeline: an API client wants JSON, not the HTML page.
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        string? detail = null;
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            context.Response.StatusCode = e.StatusCode;
            // "Failed to read parameter … as JSON" says where; the JSON error says what (field and expected type).
            detail = e.InnerException is System.Text.Json.JsonException json ? $"{e.Message} {Infrastructure.Web.JsonErrors.Describe(json)}" : e.Message;
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiErrors))
                .LogError(e, "Unhandled exception on {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            detail = "Something went wrong on the server. The error has been logged.";
        }
        var response = context.Response;
        if (response.StatusCode < 400 || response.HasStarted || response.ContentLength is not null || !string.IsNullOrEmpty(response.ContentType)) return;
        detail ??= response.StatusCode switch
        {
            StatusCodes.Status401Unauthorized => "Sign in, or send an API key: 'Authorization: Bearer ipa_…' or 'X-Api-Key: ipa_…'.",
            StatusCodes.Status403Forbidden => "You may not do that.",
            StatusCodes.Status404NotFound => "There is no API endpoint at this address.",
            StatusCodes.Status405MethodNotAllowed => "This endpoint does not accept that method.",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON (Content-Type: application/json).",
            _ => null,
        };
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = response.StatusCode, Detail = detail },
        });
    });
}

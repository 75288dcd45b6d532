using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace IncidentPortal.Infrastructure.Web;

/// <summary>
/// Outside Development, a failure nobody handled answers a client that does not ask for HTML (an API client, a
/// monitoring tool, a script) with problem details: status 500, a fixed sentence and the trace id to quote, never
/// the exception's text or stack. Browsers get the Error page (the same reference on it).
/// The exception handler middleware has already logged the exception as an error.
/// </summary>
public sealed class UnhandledProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (WantsHtml(context.Request)) return false;
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status500InternalServerError,
                Detail = "Something went wrong on the server. The error has been logged; quote the traceId when you report it.",
            },
        });
    }

    private static bool WantsHtml(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
        && accepted.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
}

using System.Text;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace IncidentPortal.Infrastructure.Web;

/// <summary>
/// The one place where a request the portal cannot read becomes a 4xx: an unknown charset (415), a NUL character
/// in the query or a form (400), a form over its limits (413), and whatever the framework's parsers throw while a
/// handler reads the body (<see cref="BadHttpRequestException"/>, <see cref="JsonException"/>,
/// <see cref="InvalidDataException"/>, <see cref="DecoderFallbackException"/>). Each answer is problem details and
/// is logged as a warning without a stack trace: the sender made the mistake, the server did not fail.
/// </summary>
public static class RequestFailures
{
    public static IApplicationBuilder UseRequestFailures(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (Refusal(context.Request) is { } early)
        {
            await RefuseAsync(context, early.Status, early.Detail);
            return;
        }
        try
        {
            if (HasReadableForm(context.Request) && await NulInFormAsync(context.Request) is { } field)
            {
                await RefuseAsync(context, StatusCodes.Status400BadRequest, $"The form field '{Clip(field)}' contains a NUL character.");
                return;
            }
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && Classify(e) is { } status)
        {
            context.Response.Clear();
            await RefuseAsync(context, status, Describe(e));
        }
    });

    /// <summary>The status a request-parsing failure deserves, or null when <paramref name="e"/> is the server's own fault.</summary>
    public static int? Classify(Exception e) => e switch
    {
        BadHttpRequestException bad => bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : StatusCodes.Status400BadRequest,
        // FormReader's and MultipartReader's limits ("Form value count limit 1024 exceeded.") are the body being too large.
        InvalidDataException data when data.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) => StatusCodes.Status413PayloadTooLarge,
        InvalidDataException or JsonException or DecoderFallbackException => StatusCodes.Status400BadRequest,
        _ when e.InnerException is { } inner => Classify(inner),
        _ => null,
    };

    private static (int Status, string Detail)? Refusal(HttpRequest request)
    {
        if (request.ContentType is { Length: > 0 } type && MediaTypeHeaderValue.TryParse(type, out var media)
            && media.Charset.HasValue && !IsKnownEncoding(HeaderUtilities.RemoveQuotes(media.Charset).Value))
            return (StatusCodes.Status415UnsupportedMediaType,
                $"The charset '{Clip(media.Charset.Value ?? "")}' in Content-Type is not supported; send UTF-8.");
        if (request.QueryString.Value?.Contains("%00", StringComparison.Ordinal) == true)
            return (StatusCodes.Status400BadRequest, "The query string contains a NUL character (%00).");
        return null;
    }

    private static bool IsKnownEncoding(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return false;
        try
        {
            _ = Encoding.GetEncoding(name);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool HasReadableForm(HttpRequest request) =>
        request.HasFormContentType && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method);

    /// <summary>Reads the form once (the endpoint gets it from the same cache) and names a field holding a NUL.</summary>
    private static async Task<string?> NulInFormAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        foreach (var (key, values) in form)
        {
            if (key.Contains('\0') || values.Any(v => v?.Contains('\0') == true)) return key.Replace('\0', '?');
        }
        return null;
    }

    private static string Describe(Exception e) => e switch
    {
        BadHttpRequestException { InnerException: JsonException json } bad => $"{bad.Message} {JsonErrors.Describe(json)}",
        JsonException json => "The body is not valid JSON for this request: " + JsonErrors.Describe(json),
        InvalidDataException data => "The body could not be read: " + data.Message,
        DecoderFallbackException => "The body is not valid text in its declared encoding; send UTF-8.",
        _ when e.InnerException is { } inner && Classify(e) == Classify(inner) && e is not BadHttpRequestException => Describe(inner),
        _ => e.Message,
    };

    private static async Task RefuseAsync(HttpContext context, int status, string detail)
    {
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RequestFailures))
            .LogWarning("Refused {Method} {Path} with {Status}: {Detail}", context.Request.Method, context.Request.Path, status, detail);
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Detail = detail },
        });
    }

    private static string Clip(string text) => text.Length <= 60 ? text : text[..59] + "…";
}

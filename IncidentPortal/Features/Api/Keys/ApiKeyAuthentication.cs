using System.Security.Claims;
using System.Text.Encodings.Web;
using IncidentPortal.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IncidentPortal.Features.Api.Keys;

/// <summary>
/// Signs a request in as the owner of the API key it carries (<c>Authorization: Bearer ipa_…</c> or <c>X-Api-Key</c>):
/// the same claims and roles as the owner's cookie, so every service rule applies unchanged, plus the key's scope.
/// A locked-out or deleted owner's keys stop working with the account.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, ApiKeyService keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string ScopeClaim = "api_key_scope";
    public const string KeyIdClaim = "api_key_id";

    /// <summary>Whether the request presents a key at all (then the key decides, never the cookie).</summary>
    public static bool CarriesKey(HttpRequest request) => PresentedSecret(request) is not null;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = PresentedSecret(Request);
        if (secret is null) return AuthenticateResult.NoResult();
        var match = await keys.AuthenticateAsync(secret, Context.RequestAborted);
        if (match is null) return AuthenticateResult.Fail("The API key is unknown, revoked or expired.");

        var users = Context.RequestServices.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(match.UserId);
        if (user is null || await users.IsLockedOutAsync(user)) return AuthenticateResult.Fail("The API key's owner cannot sign in.");

        var principals = Context.RequestServices.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        var owner = await principals.CreateAsync(user);
        var identity = new ClaimsIdentity(owner.Claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ScopeClaim, match.Scope.ToString()));
        identity.AddClaim(new Claim(KeyIdClaim, match.KeyId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"IncidentPortal API\"";
        var result = await HandleAuthenticateOnceSafeAsync();
        if (result.Failure is { } failure)
        {
            await Context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = Context,
                ProblemDetails = { Status = StatusCodes.Status401Unauthorized, Detail = failure.Message },
            });
        }
    }

    private static string? PresentedSecret(HttpRequest request)
    {
        var header = request.Headers[HeaderName].ToString();
        if (header.Length > 0) return header.Trim();
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }
}

/// <summary>What a request's principal may do through the API.</summary>
public static class ApiPrincipal
{
    /// <summary>The key's scope when the request came with a key; null for the user's own cookie.</summary>
    public static ApiKeyScope? KeyScope(ClaimsPrincipal user) =>
        Enum.TryParse<ApiKeyScope>(user.FindFirstValue(ApiKeyAuthenticationHandler.ScopeClaim), out var scope) ? scope : null;
}

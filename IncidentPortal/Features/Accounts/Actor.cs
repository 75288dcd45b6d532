using System.Security.Claims;
using IncidentPortal.Infrastructure.Auth;

namespace IncidentPortal.Features.Accounts;

/// <summary>Who is doing something, as the services see it: taken from the signed-in principal, never from input.</summary>
public sealed record Actor(string UserId, string Name, bool IsAgent, bool IsIncidentManager, bool IsAdmin)
{
    /// <summary>Anyone who works incidents: agents, incident managers and admins.</summary>
    public bool IsStaff => IsAgent || IsIncidentManager || IsAdmin;

    public static Actor From(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new UnauthorizedAccessException("Sign in first.");
        return new Actor(id, user.FindFirstValue(AppClaimsPrincipalFactory.DisplayNameClaim) ?? user.Identity?.Name ?? id,
            user.IsInRole(Roles.Agent), user.IsInRole(Roles.IncidentManager), user.IsInRole(Roles.Admin));
    }
}

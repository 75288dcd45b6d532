using IncidentPortal.Features.Integrations;

namespace IncidentPortal.Features.Accounts;

/// <summary>
/// Accounts the portal itself acts as (the reporter of monitoring's incidents). They exist so every record has an
/// author, but they are nobody: never offered as a caller, assignee, owner, reviewer or team member, and never
/// given roles or teams.
/// </summary>
public static class SystemAccounts
{
    /// <summary>For queries that filter a navigation (team members), where <see cref="People(IQueryable{ApplicationUser})"/> cannot be called.</summary>
    public static readonly string[] Ids = [MonitoringAccount.UserId];

    public static bool IsSystem(string userId) => Ids.Contains(userId);

    /// <summary>The users who are people: for every picker of someone to do or be asked something.</summary>
    public static IQueryable<ApplicationUser> People(this IQueryable<ApplicationUser> users) =>
        users.Where(u => !Ids.Contains(u.Id));

    public static IEnumerable<ApplicationUser> People(this IEnumerable<ApplicationUser> users) =>
        users.Where(u => !Ids.Contains(u.Id));
}

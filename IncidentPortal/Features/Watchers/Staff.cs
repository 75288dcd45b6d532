using IncidentPortal.Features.Accounts;
using IncidentPortal.Infrastructure.Data;

namespace IncidentPortal.Features.Watchers;

/// <summary>Who works incidents, as a query: the people mentions may name and reporters never see.</summary>
public static class Staff
{
    private static readonly string[] StaffRoles = [Roles.Agent, Roles.IncidentManager, Roles.Admin];

    public static IQueryable<string> Ids(AppDbContext db) =>
        db.UserRoles.Join(db.Roles.Where(r => StaffRoles.Contains(r.Name!)), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId);
}

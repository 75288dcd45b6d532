using IncidentPortal.Features.Accounts;

namespace IncidentPortal.Features.Teams;

/// <summary>An assignment group: incidents are routed to a team, and agents belong to teams.</summary>
public class Team
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public List<ApplicationUser> Members { get; } = [];
}

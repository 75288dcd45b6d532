namespace IncidentPortal.Features.Catalog;

/// <summary>An entry in the service catalogue: what users say is broken ("Email", "VPN").</summary>
public class BusinessService
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>The team that supports the service: the default assignment group for its incidents.</summary>
    public int? SupportTeamId { get; set; }
    public bool IsActive { get; set; } = true;
}

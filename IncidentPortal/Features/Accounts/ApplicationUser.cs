using IncidentPortal.Features.Teams;
using Microsoft.AspNetCore.Identity;

namespace IncidentPortal.Features.Accounts;

public class ApplicationUser : IdentityUser
{
    [PersonalData]
    public string DisplayName { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>The IANA zone every time is shown in for this person; null until chosen or detected from the browser.</summary>
    [PersonalData, System.ComponentModel.DataAnnotations.MaxLength(64)]
    public string? TimeZoneId { get; set; }

    public List<Team> Teams { get; } = [];

    /// <summary>Name to show people: the display name, or the e-mail when none was given.</summary>
    public string Label => string.IsNullOrWhiteSpace(DisplayName) ? Email ?? UserName ?? Id : DisplayName;
}

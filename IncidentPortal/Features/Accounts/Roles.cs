namespace IncidentPortal.Features.Accounts;

/// <summary>The portal's roles. Every registered user is a Reporter; the others are granted by an admin.</summary>
public static class Roles
{
    public const string Reporter = "Reporter";
    public const string Agent = "Agent";
    public const string IncidentManager = "IncidentManager";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Reporter, Agent, IncidentManager, Admin];

    /// <summary>Comma-separated for [Authorize(Roles = ...)]: anyone who works incidents.</summary>
    public const string Staff = Agent + "," + IncidentManager + "," + Admin;

    public static string DisplayName(string role) => role switch
    {
        IncidentManager => "Incident manager",
        _ => role,
    };
}

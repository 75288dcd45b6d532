namespace IncidentPortal.Features.Accounts;

/// <summary>The "Accounts" section of appsettings.json.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>When false, only admins create accounts.</summary>
    public bool AllowSelfRegistration { get; set; } = true;

    /// <summary>The first administrator, created on an empty database. Without a password one is generated and printed once.</summary>
    public string AdminEmail { get; set; } = "admin@localhost";
    public string? AdminPassword { get; set; }

    /// <summary>Sign-in attempts allowed per client address per window before HTTP 429.</summary>
    public int SignInAttemptsPerWindow { get; set; } = 10;
    public int SignInWindowSeconds { get; set; } = 60;

    public int MaxFailedAccessAttempts { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;
}

namespace IncidentPortal.Features.DemoData;

/// <summary>The "DemoData" section of appsettings.json.</summary>
public sealed class DemoDataOptions
{
    public const string Section = "DemoData";

    /// <summary>Seed a believable organisation on start-up (idempotent). On by default for `dotnet run` (Development).</summary>
    public bool Seed { get; set; }

    /// <summary>Password of every demo account (documented in the README).</summary>
    public string Password { get; set; } = "Demo!Pass1";
}

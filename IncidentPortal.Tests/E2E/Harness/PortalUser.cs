namespace IncidentPortal.Tests.E2E.Harness;

public sealed record PortalUser(string Email, string Password, string DisplayName)
{
    public override string ToString() => Email;
}

/// <summary>The demo organisation's people (Features/DemoData/DemoOrganisation.cs), seeded because DemoData__Seed=true.</summary>
public static class DemoUsers
{
    public const string Password = "Demo!Pass1";

    /// <summary>Reporter only.</summary>
    public static readonly PortalUser Reporter = new("reporter@demo.local", Password, "Riley Reporter");

    /// <summary>Agent.</summary>
    public static readonly PortalUser Agent = new("agent@demo.local", Password, "Alex Agent");

    /// <summary>Agent and incident manager.</summary>
    public static readonly PortalUser Manager = new("manager@demo.local", Password, "Morgan Manager");

    /// <summary>Agent, incident manager and admin.</summary>
    public static readonly PortalUser Admin = new("admin@demo.local", Password, "Ada Admin");

    /// <summary>An agent no other test signs in as: the wrong-password test uses it, so lockout counting harms nobody.</summary>
    public static readonly PortalUser Dana = new("dana@demo.local", Password, "Dana Database");

    public static PortalUser ByEmail(string email) =>
        new[] { Reporter, Agent, Manager, Admin, Dana }.Single(u => u.Email == email);

    /// <summary>A user nobody has registered yet.</summary>
    public static PortalUser NewUnique(string namePrefix = "Erin E2E")
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        return new PortalUser($"e2e-{id}@example.test", "E2e!Pass-" + id[..4], $"{namePrefix} {id[..4]}");
    }
}

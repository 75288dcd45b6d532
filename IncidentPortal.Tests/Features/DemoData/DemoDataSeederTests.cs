using IncidentPortal.Features.Accounts;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Tests.Features.DemoData;

/// <summary>DemoData:Seed=true fills an empty database with a believable organisation, once.</summary>
public sealed class DemoDataSeederTests(DemoDataSeederTests.DemoPortal demo) : IClassFixture<DemoDataSeederTests.DemoPortal>
{
    public const string DemoPassword = "Demo!Pass1";

    /// <summary>A demo-seeded app on a folder the fixture owns, so a second app can start on the same data.</summary>
    public sealed class DemoPortal : IDisposable
    {
        public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
        {
            ["DemoData:Seed"] = "true",
            ["DemoData:Password"] = DemoPassword,
        };

        public DemoPortal() => Portal = new PortalFactory(Settings, Folder.Path);

        public TempDirectory Folder { get; } = new();
        public PortalFactory Portal { get; }

        public void Dispose()
        {
            Portal.Dispose();
            Folder.Dispose();
        }
    }

    private PortalFactory Portal => demo.Portal;

    [Fact]
    public async Task Seeds_the_five_teams()
    {
        var teams = await Portal.WithDbAsync(db => db.Teams.Select(t => t.Name).ToListAsync());

        Assert.Equal(["Applications", "Database", "Network", "Security", "Service Desk"], teams.Order());
    }

    [Fact]
    public async Task Seeds_the_service_catalogue()
    {
        var services = await Portal.WithDbAsync(db => db.Services.Select(s => s.Name).ToListAsync());

        Assert.Superset(new HashSet<string> { "Email", "VPN", "Payroll", "Web Shop" }, services.ToHashSet());
    }

    [Theory]
    [InlineData("reporter@demo.local", new[] { Roles.Reporter })]
    [InlineData("agent@demo.local", new[] { Roles.Reporter, Roles.Agent })]
    [InlineData("manager@demo.local", new[] { Roles.Reporter, Roles.Agent, Roles.IncidentManager })]
    [InlineData("admin@demo.local", new[] { Roles.Reporter, Roles.Agent, Roles.IncidentManager, Roles.Admin })]
    public async Task Seeds_one_user_per_role_with_the_demo_password(string email, string[] expectedRoles)
    {
        var (roles, passwordWorks) = await Portal.WithUsersAsync(async users =>
        {
            var user = await users.FindByEmailAsync(email);
            Assert.NotNull(user);
            return (await users.GetRolesAsync(user), await users.CheckPasswordAsync(user, DemoPassword));
        });

        Assert.Equal(expectedRoles.Order(), roles.Order());
        Assert.True(passwordWorks, $"{email} does not accept the demo password.");
    }

    [Fact]
    public async Task The_demo_admin_is_the_only_admin_so_no_first_run_admin_is_created()
    {
        var admins = await Portal.WithUsersAsync(async users => (await users.GetUsersInRoleAsync(Roles.Admin)).Select(u => u.Email).ToList());

        Assert.Equal(["admin@demo.local"], admins);
    }

    [Fact]
    public async Task Seeds_at_least_24_incidents_in_at_least_5_statuses()
    {
        var statuses = await Portal.WithDbAsync(db => db.Incidents.Select(i => i.Status).ToListAsync());

        Assert.True(statuses.Count >= 24, $"Only {statuses.Count} incidents.");
        Assert.True(statuses.Distinct().Count() >= 5, $"Only the statuses {string.Join(", ", statuses.Distinct())}.");
    }

    [Fact]
    public async Task Starting_again_on_the_same_data_duplicates_nothing()
    {
        var before = await Portal.WithDbAsync(CountAsync);
        Assert.True(before.Incidents > 0 && before.Users > 0, $"Nothing seeded: {before}");

        using var restarted = new PortalFactory(DemoPortal.Settings, demo.Folder.Path);
        var after = await restarted.WithDbAsync(CountAsync);

        Assert.Equal(before, after);
    }

    private sealed record Counts(int Teams, int Services, int Categories, int Users, int UserRoles, int TeamMembers, int Incidents);

    private static async Task<Counts> CountAsync(AppDbContext db) => new(
        await db.Teams.CountAsync(),
        await db.Services.CountAsync(),
        await db.Categories.CountAsync(),
        await db.Users.CountAsync(),
        await db.UserRoles.CountAsync(),
        await db.Set<Dictionary<string, object>>("TeamMembers").CountAsync(),
        await db.Incidents.CountAsync());
}

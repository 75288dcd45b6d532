using IncidentPortal.Features.Integrations;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Tests.Infrastructure.Auth;

/// <summary>On an empty database (no demo data) the first start creates the administrator from Accounts:AdminEmail.</summary>
public class AdminBootstrapperTests
{
    private const string AdminEmail = "owner@portal.test";

    private static Dictionary<string, string?> Settings(string adminPassword) => new()
    {
        ["DemoData:Seed"] = "false",
        ["Accounts:AdminEmail"] = AdminEmail,
        ["Accounts:AdminPassword"] = adminPassword,
    };

    [Fact]
    public async Task Without_a_configured_password_the_first_start_creates_exactly_one_admin_and_a_restart_no_other()
    {
        using var folder = new TempDirectory();
        using (var portal = new PortalFactory(Settings(""), folder.Path))
        {
            await AssertTheOnlyUserIsTheAdminAsync(portal);
            var hash = await portal.WithDbAsync(db => db.Users.Where(u => u.Id != MonitoringAccount.UserId).Select(u => u.PasswordHash).SingleAsync());
            Assert.False(string.IsNullOrEmpty(hash), "The generated password was not set.");
        }

        // A second start finds the admin and must not create another one.
        using var restarted = new PortalFactory(Settings(""), folder.Path);
        await AssertTheOnlyUserIsTheAdminAsync(restarted);
    }

    [Fact]
    public async Task With_a_configured_password_the_admin_signs_in_with_it()
    {
        const string password = "Owner!Pass123";
        using var portal = new PortalFactory(Settings(password));

        using var client = await portal.SignInAsync(AdminEmail, password);

        Assert.True(client.HasAuthCookie);
        await AssertTheOnlyUserIsTheAdminAsync(portal);
    }

    private static async Task AssertTheOnlyUserIsTheAdminAsync(PortalFactory portal)
    {
        var (all, admins, roles) = await portal.WithUsersAsync(async users =>
        {
            // Besides the admin, only the built-in, locked Monitoring account (the reporter of alert incidents) exists.
            var everyone = await users.Users.Where(u => u.Id != MonitoringAccount.UserId).Select(u => u.Email!).ToListAsync();
            var inAdminRole = (await users.GetUsersInRoleAsync(Roles.Admin)).Select(u => u.Email!).ToList();
            var admin = await users.FindByEmailAsync(AdminEmail);
            return (everyone, inAdminRole, admin is null ? [] : await users.GetRolesAsync(admin));
        });
        Assert.Equal([AdminEmail], all);
        Assert.Equal([AdminEmail], admins);
        Assert.Equal(Roles.All.Order(), roles.Order());
    }
}

using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Admin.Users;
using IncidentPortal.Tests.Admin.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Admin;

public sealed class UserAdminServiceTests(AdminPortalFactory portal) : IClassFixture<AdminPortalFactory>
{
    [Fact]
    public async Task Non_admins_cannot_grant_roles_or_lock_accounts()
    {
        var users = portal.Get<UserAdminService>();
        var reporter = await portal.ReporterAsync();

        foreach (var actor in new[] { reporter, await portal.AgentAsync(), await portal.ManagerAsync() })
        {
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => users.UpdateAsync(actor, reporter.UserId, [Roles.Admin], []));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => users.SetLockedAsync(actor, reporter.UserId, true));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => users.ListAsync(actor));
        }

        await using var scope = portal.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var stored = (await manager.FindByIdAsync(reporter.UserId))!;
        Assert.Equal([Roles.Reporter], await manager.GetRolesAsync(stored));
        Assert.False(await manager.IsLockedOutAsync(stored));
    }

    [Fact]
    public async Task Admins_still_can()
    {
        var users = portal.Get<UserAdminService>();
        var admin = await portal.AdminAsync();
        var jo = (await users.ListAsync(admin)).Single(u => u.Email == "jo@demo.local");

        Assert.Null(await users.UpdateAsync(admin, jo.Id, [Roles.Agent], []));

        Assert.Equal([Roles.Reporter, Roles.Agent], (await users.ListAsync(admin)).Single(u => u.Id == jo.Id).Roles);
    }
}

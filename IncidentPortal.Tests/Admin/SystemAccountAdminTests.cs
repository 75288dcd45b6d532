using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Admin.Users;
using IncidentPortal.Features.Integrations;
using IncidentPortal.Features.Teams;
using IncidentPortal.Tests.Admin.Support;
using static IncidentPortal.Tests.Admin.Support.AdminPortalFactory;

namespace IncidentPortal.Tests.Admin;

/// <summary>The user admin list keeps the monitoring account visible (it reports incidents) but never lets it become a person.</summary>
public sealed class SystemAccountAdminTests(AdminPortalFactory portal) : IClassFixture<AdminPortalFactory>
{
    private const string Monitoring = MonitoringAccount.UserId;

    [Fact]
    public async Task The_user_list_marks_it_as_a_system_account_that_cannot_be_made_a_person()
    {
        var admin = await portal.AdminAsync();
        var users = portal.Get<UserAdminService>();
        var team = (await portal.Get<TeamAdminService>().CreateAsync(admin, new TeamInput(Unique("Crew"), ""))).Id!.Value;

        var listed = await users.ListAsync(admin);
        var updateError = await users.UpdateAsync(admin, Monitoring, [Roles.Agent], [team]);
        var unlockError = await users.SetLockedAsync(admin, Monitoring, false);

        Assert.True(listed.Single(u => u.Id == Monitoring).IsSystem);
        Assert.All(listed.Where(u => u.Id != Monitoring), u => Assert.False(u.IsSystem));
        Assert.Equal(UserAdminService.SystemAccountRefusal, updateError);
        Assert.Equal(UserAdminService.SystemAccountRefusal, unlockError);
        var after = (await users.ListAsync(admin)).Single(u => u.Id == Monitoring);
        Assert.Empty(after.Roles);
        Assert.Empty(after.TeamIds);
        Assert.True(after.IsLockedOut);
    }
}

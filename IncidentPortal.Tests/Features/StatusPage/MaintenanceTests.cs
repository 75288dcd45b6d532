using IncidentPortal.Features.StatusPage;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Tests.Features.StatusPage;

public sealed class MaintenanceTests : IAsyncLifetime
{
    private StatusFixture f = null!;
    private DateTime Now => f.Clock.GetUtcNow().UtcDateTime;

    public async Task InitializeAsync() => f = await StatusFixture.CreateAsync();
    public async Task DisposeAsync() => await f.DisposeAsync();

    [Fact]
    public async Task Maintenance_starts_and_ends_with_its_window_and_tells_subscribers_each_time()
    {
        var payroll = await f.AddComponentAsync("Payroll");
        var scheduled = await f.Status.ScheduleMaintenanceAsync(f.Manager,
            new MaintenanceInput("Payroll upgrade", "Payroll is read-only.", Now.AddHours(1), Now.AddHours(2), [payroll]));
        Assert.True(scheduled.Succeeded, scheduled.Error);
        Assert.Equal(0, await f.Status.AdvanceMaintenanceAsync(Now.AddMinutes(59)));
        Assert.Equal(ComponentStatus.Operational, await f.StatusOfAsync(payroll));

        Assert.Equal(1, await f.Status.AdvanceMaintenanceAsync(Now.AddHours(1)));
        Assert.Equal(ComponentStatus.UnderMaintenance, await f.StatusOfAsync(payroll));
        Assert.Equal(1, await f.Status.AdvanceMaintenanceAsync(Now.AddHours(2)));
        Assert.Equal(ComponentStatus.Operational, await f.StatusOfAsync(payroll));

        Assert.Equal([StatusNoticeKind.MaintenanceScheduled, StatusNoticeKind.MaintenanceStarted, StatusNoticeKind.MaintenanceCompleted],
            f.Notices.Seen.Select(n => n.Kind));
        Assert.All(f.Notices.Seen, n => Assert.Equal([payroll], n.ComponentIds));
        Assert.Equal("Payroll upgrade", (await f.PeriodsAsync(payroll)).Single(p => p.Status == ComponentStatus.UnderMaintenance).Cause);
    }

    [Fact]
    public async Task Two_instances_advancing_at_once_move_each_window_once()
    {
        var payroll = await f.AddComponentAsync("Payroll");
        await f.Status.ScheduleMaintenanceAsync(f.Manager, new MaintenanceInput("Upgrade", "Read-only.", Now.AddMinutes(1), Now.AddHours(1), [payroll]));
        var other = f.NewStatusService();

        var moved = await Task.WhenAll(
            Task.Run(() => SafeAdvance(f.Status)), Task.Run(() => SafeAdvance(other)));

        Assert.Equal(1, moved.Sum());
        Assert.Single(f.Notices.Seen, n => n.Kind == StatusNoticeKind.MaintenanceStarted);
        Assert.Single(await f.PeriodsAsync(payroll), p => p.Status == ComponentStatus.UnderMaintenance);
    }

    private async Task<int> SafeAdvance(StatusService service) => await service.AdvanceMaintenanceAsync(Now.AddMinutes(2));

    [Fact]
    public async Task Cancelling_maintenance_in_progress_hands_the_component_back_and_bad_windows_are_refused()
    {
        var payroll = await f.AddComponentAsync("Payroll");
        var backwards = await f.Status.ScheduleMaintenanceAsync(f.Manager, new MaintenanceInput("Upgrade", "x", Now.AddHours(2), Now.AddHours(1), [payroll]));
        var over = await f.Status.ScheduleMaintenanceAsync(f.Manager, new MaintenanceInput("Upgrade", "x", Now.AddHours(-2), Now.AddHours(-1), [payroll]));
        var none = await f.Status.ScheduleMaintenanceAsync(f.Manager, new MaintenanceInput("Upgrade", "x", Now, Now.AddHours(1), []));
        Assert.Equal(StatusService.WindowField, backwards.Field);
        Assert.Equal(StatusService.WindowField, over.Field);
        Assert.Equal(StatusService.ComponentsField, none.Field);

        var now = await f.Status.ScheduleMaintenanceAsync(f.Manager, new MaintenanceInput("Upgrade", "Read-only.", Now, Now.AddHours(1), [payroll]));
        Assert.Equal(ComponentStatus.UnderMaintenance, await f.StatusOfAsync(payroll));
        Assert.True((await f.Status.CancelMaintenanceAsync(f.Manager, now.Id!.Value)).Succeeded);
        Assert.Equal(ComponentStatus.Operational, await f.StatusOfAsync(payroll));
        await using var db = f.Db();
        Assert.Equal(MaintenanceState.Cancelled, await db.ScheduledMaintenances.Select(m => m.State).SingleAsync());
    }
}

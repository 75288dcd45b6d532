using IncidentPortal.Features.Incidents;
using IncidentPortal.Tests.Admin.Support;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Tests.Admin;

/// <summary>
/// The admin's priority matrix over the real app and a real SQLite file: what is saved is what new incidents get.
/// Its own app instance (class fixture), because the matrix is global.
/// </summary>
public sealed class PriorityMatrixAdminTests(AdminPortalFactory portal) : IClassFixture<AdminPortalFactory>, IAsyncLifetime
{
    private PriorityMatrixService Matrices => portal.Get<PriorityMatrixService>();

    // Every test starts from the ITIL default, whatever the one before left behind.
    public async Task InitializeAsync() => await Matrices.ResetAsync(await portal.AdminAsync());

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_saved_matrix_sets_the_priority_of_new_incidents_and_existing_ones_keep_theirs()
    {
        var admin = await portal.AdminAsync();
        var reporter = await portal.ReporterAsync();
        var incidents = portal.Get<IncidentService>();
        var before = await incidents.ReportAsync(reporter, Draft(Impact.Low, Urgency.High));
        Assert.Equal(Priority.P3, before.Priority);

        await Matrices.SaveAsync(admin, Matrix((Impact.Low, Urgency.High, Priority.P1)));

        var after = await incidents.ReportAsync(reporter, Draft(Impact.Low, Urgency.High));
        var unaffected = await incidents.ReportAsync(reporter, Draft(Impact.High, Urgency.High));
        Assert.Equal(Priority.P1, after.Priority);
        Assert.Equal(Priority.P1, unaffected.Priority);
        await using var db = await portal.DbAsync();
        Assert.Equal(Priority.P3, (await db.Incidents.SingleAsync(i => i.Id == before.Id)).Priority);
        Assert.Equal(9, await db.PriorityMatrix.CountAsync());
    }

    [Fact]
    public async Task Reset_restores_the_ITIL_default()
    {
        var admin = await portal.AdminAsync();
        await Matrices.SaveAsync(admin, Matrix((Impact.Medium, Urgency.Medium, Priority.P5)));
        Assert.Equal(Priority.P5, (await Matrices.CurrentAsync()).PriorityFor(Impact.Medium, Urgency.Medium));

        await Matrices.ResetAsync(admin);

        var current = await Matrices.CurrentAsync();
        Assert.All(PriorityMatrix.ItilDefault.Cells, c => Assert.Equal(c.Priority, current.PriorityFor(c.Impact, c.Urgency)));
        var incident = await portal.Get<IncidentService>().ReportAsync(await portal.ReporterAsync(), Draft(Impact.Medium, Urgency.Medium));
        Assert.Equal(Priority.P3, incident.Priority);
        await using var db = await portal.DbAsync();
        Assert.Equal(0, await db.PriorityMatrix.CountAsync());
    }

    [Fact]
    public async Task Non_admins_cannot_save_or_reset_the_matrix()
    {
        var admin = await portal.AdminAsync();
        await Matrices.SaveAsync(admin, Matrix((Impact.High, Urgency.Low, Priority.P2)));

        foreach (var actor in new[] { await portal.ReporterAsync(), await portal.AgentAsync(), await portal.ManagerAsync() })
        {
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Matrices.SaveAsync(actor, Matrix((Impact.High, Urgency.Low, Priority.P5))));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Matrices.ResetAsync(actor));
        }

        Assert.Equal(Priority.P2, (await Matrices.CurrentAsync()).PriorityFor(Impact.High, Urgency.Low));
    }

    [Fact]
    public async Task An_incomplete_matrix_is_refused_and_the_stored_one_is_kept()
    {
        var admin = await portal.AdminAsync();
        await Matrices.SaveAsync(admin, Matrix((Impact.Low, Urgency.Low, Priority.P4)));
        var eight = Matrix().Where(c => !(c.Impact == Impact.High && c.Urgency == Urgency.High)).ToList();
        var duplicated = Matrix().Take(8).Append(Matrix()[0]).ToList(); // High × High twice, Low × Low missing

        await Assert.ThrowsAsync<ArgumentException>(() => Matrices.SaveAsync(admin, eight));
        await Assert.ThrowsAsync<ArgumentException>(() => Matrices.SaveAsync(admin, duplicated));
        await Assert.ThrowsAsync<ArgumentException>(() => Matrices.SaveAsync(admin,
            Matrix().Select(c => new PriorityMatrixCell { Impact = c.Impact, Urgency = c.Urgency, Priority = (Priority)9 })));

        Assert.Equal(Priority.P4, (await Matrices.CurrentAsync()).PriorityFor(Impact.Low, Urgency.Low));
        await using var db = await portal.DbAsync();
        Assert.Equal(9, await db.PriorityMatrix.CountAsync());
    }

    /// <summary>The ITIL default with some cells changed.</summary>
    private static List<PriorityMatrixCell> Matrix(params (Impact Impact, Urgency Urgency, Priority Priority)[] changes) =>
        PriorityMatrix.ItilDefault.Cells.Select(c => new PriorityMatrixCell
        {
            Impact = c.Impact,
            Urgency = c.Urgency,
            Priority = changes.Where(x => x.Impact == c.Impact && x.Urgency == c.Urgency).Select(x => x.Priority).DefaultIfEmpty(c.Priority).Single(),
        }).ToList();

    private static IncidentDraft Draft(Impact impact, Urgency urgency) =>
        new("Something broke", null, impact, urgency, IncidentSource.Portal, null, null);
}

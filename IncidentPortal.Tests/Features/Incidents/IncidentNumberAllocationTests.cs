using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Events;
using IncidentPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentPortal.Tests.Features.Incidents;

public class IncidentNumberAllocationTests
{
    [Fact]
    public async Task Concurrent_reports_get_distinct_sequential_numbers()
    {
        await using var database = await TestDatabase.CreateAsync();
        var reporter = await database.AddUserAsync("reporter");
        var service = await database.AddServiceAsync("VPN");
        var incidents = new IncidentService(database.Factory, new PriorityMatrixService(database.Factory),
            new InProcessEventBus(NullLogger<InProcessEventBus>.Instance), TimeProvider.System);
        var actor = new Actor(reporter.Id, "reporter", false, false, false);

        var reports = Enumerable.Range(1, 40).Select(n => Task.Run(() => incidents.ReportAsync(actor,
            new IncidentDraft($"Report {n}", null, Impact.Low, Urgency.Low, IncidentSource.Portal, service.Id, null))));
        var created = await Task.WhenAll(reports);

        Assert.Equal(Enumerable.Range(1, 40), created.Select(i => i.Number).Order());
        await using var db = database.Factory.CreateDbContext();
        Assert.Equal(40, await db.Incidents.CountAsync());
        Assert.Equal(40, (await db.NumberSequences.SingleAsync()).LastValue);
    }

    [Fact]
    public async Task A_failed_report_does_not_consume_a_number()
    {
        await using var database = await TestDatabase.CreateAsync();
        var reporter = await database.AddUserAsync("reporter");
        var service = await database.AddServiceAsync("VPN");
        var incidents = new IncidentService(database.Factory, new PriorityMatrixService(database.Factory),
            new InProcessEventBus(NullLogger<InProcessEventBus>.Instance), TimeProvider.System);
        var actor = new Actor(reporter.Id, "reporter", false, false, false);

        await incidents.ReportAsync(actor, new IncidentDraft("First", null, Impact.Low, Urgency.Low, IncidentSource.Portal, service.Id, null));
        await Assert.ThrowsAsync<IncidentRuleException>(() => incidents.ReportAsync(actor,
            new IncidentDraft(new string('x', 100_000), null, Impact.Low, Urgency.Low, IncidentSource.Portal, service.Id, null)));
        var second = await incidents.ReportAsync(actor, new IncidentDraft("Second", null, Impact.Low, Urgency.Low, IncidentSource.Portal, service.Id, null));

        Assert.Equal(2, second.Number);
    }
}

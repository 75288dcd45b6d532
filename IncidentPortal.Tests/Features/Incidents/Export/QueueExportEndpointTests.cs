using System.Net;
using System.Text;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Tests.Admin.Support;

namespace IncidentPortal.Tests.Features.Incidents.Export;

/// <summary>GET /queue/export.csv over real HTTP: staff only, every matching row (not one page), hostile text neutralised.</summary>
public sealed class QueueExportEndpointTests(AdminPortalFactory portal) : IClassFixture<AdminPortalFactory>
{
    [Fact]
    public async Task An_agent_downloads_every_incident_the_view_matches_and_others_get_nothing()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var reporter = await portal.ReporterAsync();
        var incidents = portal.Get<IncidentService>();
        for (var i = 0; i < 27; i++)
        {
            var title = i == 0 ? $"=cmd|' /C calc'!A0 export {run}" : $"Export sweep {run} number {i}";
            await incidents.ReportAsync(reporter, new IncidentDraft(title, null, Impact.Low, Urgency.Low, IncidentSource.Portal, null, null));
        }
        var path = $"/queue/export.csv?q={run}&size=25&page=2";

        using (var anonymous = portal.CreatePortalClient())
        {
            var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/Login", response.Headers.Location!.ToString());
        }
        using (var reporterClient = await portal.SignInDemoAsync(DemoAccounts.Reporter))
        {
            var refused = await reporterClient.GetAsync(path);
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
            Assert.NotEqual("text/csv", refused.Content.Headers.ContentType?.MediaType);
        }

        using var agent = await portal.SignInDemoAsync(DemoAccounts.Agent);
        var csv = await agent.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("queue-all-open-", csv.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        var records = QueueCsvTests.ParseCsv(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(28, records.Count); // the header and all 27 matches, though the address asked for page 2 of 25
        Assert.Contains(records, r => r[1] == $"'=cmd|' /C calc'!A0 export {run}");
        Assert.DoesNotContain(records, r => r[1].StartsWith('='));
    }
}

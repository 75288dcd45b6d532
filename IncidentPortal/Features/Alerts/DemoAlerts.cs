using System.Text;
using IncidentPortal.Features.Alerts.Ingest;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Integrations;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace IncidentPortal.Features.Alerts;

/// <summary>
/// Demo data: two integrations (Alertmanager for the web shop, an Events v2 uptime checker) and a few alerts sent
/// through the real payload readers and dedup rules. Their keys are random and never shown: rotate one to use it.
/// Runs after the demo organisation (registered after it) and only once.
/// </summary>
internal sealed class DemoAlerts(IDbContextFactory<AppDbContext> dbFactory, IncidentService incidents, AlertFollowUps followUps,
    TimeProvider clock) : IStartupSeeder
{
    public async Task SeedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.AlertIntegrations.AnyAsync(ct)) return;
        var teams = await db.Teams.ToDictionaryAsync(t => t.Name, t => t.Id, ct);
        if (!teams.TryGetValue("Applications", out var applications) || !teams.TryGetValue("Network", out var network)) return;
        var webShop = await db.Services.Where(s => s.Name == "Web Shop").Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;

        var prometheusSettings = IntegrationSettings.Defaults("Prometheus production", IntegrationKind.Alertmanager, applications);
        var prometheus = AlertIntegration.Create(prometheusSettings with { ServiceId = webShop }, IssuedKey.Generate(), now);
        var uptime = AlertIntegration.Create(IntegrationSettings.Defaults("Uptime checks", IntegrationKind.Events, network), IssuedKey.Generate(), now);
        db.AlertIntegrations.AddRange(prometheus, uptime);
        await db.SaveChangesAsync(ct);

        var started = now.AddMinutes(-25).ToString("O");
        var firing = GroupNotificationReader.Read(Bytes($$"""
            {"version":"4","status":"firing","alerts":[
             {"status":"firing","labels":{"alertname":"CheckoutErrorRate","service":"web-shop","severity":"critical","instance":"shop-web-02:8080","job":"shop"},
              "annotations":{"summary":"Checkout error rate above 5%","description":"5xx responses on /checkout are at 7.2% over the last 10 minutes.","runbook_url":"https://wiki.example.com/runbooks/checkout"},
              "startsAt":"{{started}}","generatorURL":"http://prometheus:9090/graph?g0.expr=shop_checkout_errors","fingerprint":"a1f3c9d2e4b5a6c7"},
             {"status":"firing","labels":{"alertname":"CheckoutLatencyHigh","service":"web-shop","severity":"warning","instance":"shop-web-02:8080","job":"shop"},
              "annotations":{"summary":"p99 checkout latency above 2 s"},"startsAt":"{{started}}","fingerprint":"b2e4d6f8a0c1e3f5"},
             {"status":"firing","labels":{"alertname":"DiskWillFillIn4Hours","service":"shop-db","severity":"warning","instance":"shop-db-01:9100","job":"node","mountpoint":"/var/lib/postgresql"},
              "annotations":{"summary":"Disk on shop-db-01 fills within 4 hours"},"startsAt":"{{started}}","fingerprint":"c3d5e7f9b1a2c4d6"}]}
            """), IntegrationKind.Alertmanager);
        var resolvedDisk = GroupNotificationReader.Read(Bytes($$"""
            {"version":"4","status":"resolved","alerts":[{"status":"resolved","labels":{"alertname":"DiskWillFillIn4Hours","service":"shop-db","severity":"warning","instance":"shop-db-01:9100","job":"node","mountpoint":"/var/lib/postgresql"},
              "annotations":{"summary":"Disk on shop-db-01 fills within 4 hours"},"startsAt":"{{started}}","endsAt":"{{now.AddMinutes(-3):O}}","fingerprint":"c3d5e7f9b1a2c4d6"}]}
            """), IntegrationKind.Alertmanager);
        var certificate = EventsV2Reader.Read(Bytes("""
            {"event_action":"trigger","dedup_key":"vpn.example.com/certificate","payload":{"summary":"TLS certificate of vpn.example.com expires in 6 days",
             "source":"uptime-eu-1","severity":"warning","component":"vpn-gateway","group":"vpn","custom_details":{"expires":"2026-11-29","issuer":"R11"}}}
            """)).Signal;

        var prometheusActive = new ActiveIntegration(prometheus, "Applications");
        var uptimeActive = new ActiveIntegration(uptime, "Network");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        using var rows = new AlertRows(db.Database.GetDbConnection());
        var batch = new AlertBatch(db, incidents, now);
        await batch.ApplyAsync([new AlertSubmission(prometheusActive, firing), new AlertSubmission(prometheusActive, firing),
            new AlertSubmission(prometheusActive, firing), new AlertSubmission(uptimeActive, [certificate, certificate])], ct);
        await batch.SaveAsync(rows, transaction.GetDbTransaction(), ct);
        var second = new AlertBatch(db, incidents, now);
        await second.ApplyAsync([new AlertSubmission(prometheusActive, resolvedDisk)], ct);
        await second.SaveAsync(rows, transaction.GetDbTransaction(), ct);
        followUps.Enqueue(db, batch.FollowUps.Concat(second.FollowUps).Select(f => f()).Distinct().ToList(), now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static ReadOnlyMemory<byte> Bytes(string json) => Encoding.UTF8.GetBytes(json);
}

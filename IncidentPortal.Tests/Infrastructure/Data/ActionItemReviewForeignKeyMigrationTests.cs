using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.ActionItems;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Reviews;
using IncidentPortal.Features.Teams;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IncidentPortal.Tests.Infrastructure.Data;

/// <summary>
/// The ActionItemReviewForeignKey migration rebuilds ActionItems on SQLite: a database that already holds action items
/// keeps them (ids, links, the id counter), loses only links to reviews that do not exist, and gains the key.
/// </summary>
public sealed class ActionItemReviewForeignKeyMigrationTests : IDisposable
{
    private const string Previous = "20261124150000_IncidentEta";
    private static readonly DateTime Now = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);
    private readonly TempDirectory folder = new();
    /// <summary>Columns that migrations after <see cref="Previous"/> add to the tables written here (name and SQLite type).</summary>
    private static readonly (string Table, string Column)[] ColumnsAddedLater =
        [("Incidents", "DuplicateOfId INTEGER"), ("AspNetUsers", "TimeZoneId TEXT"), ("Incidents", "CancelledAt TEXT")];

    private string File => Path.Combine(folder.Path, "upgrade.db");

    [Fact]
    public async Task Items_survive_the_rebuild_dangling_review_links_are_cleared_and_the_key_is_enforced()
    {
        int incidentId, reviewId, linked, dangling, loose;
        await using (var db = CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(Previous);
            // The rows are written through today's model, which maps columns later migrations add: they exist only
            // while the old rows are written, and the upgrade below adds them for real.
            foreach (var (table, column) in ColumnsAddedLater) await ExecuteAsync($"ALTER TABLE {table} ADD COLUMN {column} NULL");
            (incidentId, reviewId) = await IncidentWithReviewAsync(db);
            var (owner, team) = await OwnerAndTeamAsync(db);
            linked = await AddItemAsync(db, incidentId, reviewId, "Linked", owner, team);
            dangling = await AddItemAsync(db, incidentId, reviewId + 100, "Dangling", owner, team);
            loose = await AddItemAsync(db, incidentId, null, "Loose", owner, team);
            // The highest id so far is deleted: AUTOINCREMENT must not hand it out again after the rebuild.
            var gone = await AddItemAsync(db, incidentId, null, "Gone", owner, team);
            db.ActionItems.Remove(await db.ActionItems.SingleAsync(a => a.Id == gone));
            await db.SaveChangesAsync();
        }
        foreach (var (table, column) in ColumnsAddedLater) await ExecuteAsync($"ALTER TABLE {table} DROP COLUMN {column.Split(' ')[0]}");

        await using (var db = CreateContext()) await db.Database.MigrateAsync();

        await using (var db = CreateContext())
        {
            var items = await db.ActionItems.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Title, a.ReviewId }).ToListAsync();
            Assert.Equal(new[] { (linked, "Linked", (int?)reviewId), (dangling, "Dangling", null), (loose, "Loose", null) },
                items.Select(i => (i.Id, i.Title, i.ReviewId)));
            var (owner, team) = await OwnerAndTeamAsync(db);
            Assert.Equal(loose + 2, await AddItemAsync(db, incidentId, null, "After the upgrade", owner, team));
        }
        Assert.Contains(("IncidentReviews", "ReviewId", "Id", "NO ACTION"), await ForeignKeysAsync());
        Assert.Empty(await QueryAsync("PRAGMA foreign_key_check('ActionItems')", r => r.GetString(0)));
        await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync($"UPDATE ActionItems SET ReviewId = {reviewId + 100} WHERE Id = {linked}"));

        // NO ACTION, not RESTRICT: deleting the incident cascades to its review and its items in one statement.
        await ExecuteAsync($"DELETE FROM Incidents WHERE Id = {incidentId}");
        Assert.Equal(0L, Assert.Single(await QueryAsync("SELECT COUNT(*) FROM ActionItems", r => r.GetInt64(0))));
    }

    [Fact]
    public async Task Migrating_back_drops_the_key_and_keeps_the_items()
    {
        await using (var db = CreateContext())
        {
            await db.Database.MigrateAsync();
            var (incidentId, reviewId) = await IncidentWithReviewAsync(db);
            var (owner, team) = await OwnerAndTeamAsync(db);
            await AddItemAsync(db, incidentId, reviewId, "Kept", owner, team);
            await db.GetService<IMigrator>().MigrateAsync(Previous);
        }

        Assert.DoesNotContain(await ForeignKeysAsync(), k => k.Table == "IncidentReviews");
        Assert.Equal("Kept", Assert.Single(await QueryAsync("SELECT Title FROM ActionItems", r => r.GetString(0))));
    }

    private static async Task<(int Incident, int Review)> IncidentWithReviewAsync(AppDbContext db)
    {
        var reporter = new ApplicationUser { UserName = "reporter@test.local", Email = "reporter@test.local", DisplayName = "Reporter" };
        db.Users.Add(reporter);
        await db.SaveChangesAsync();
        var incident = Incident.Report(1, new IncidentDraft("Mail is down", "No mail since nine.", Impact.High, Urgency.High,
            IncidentSource.Portal, null, null), reporter.Id, new ChangeContext(reporter.Id, Now, false), PriorityMatrix.ItilDefault);
        db.Incidents.Add(incident);
        await db.SaveChangesAsync();
        var review = IncidentReview.Start(incident.Id, [new SectionDraft("summary", "Summary", "What happened?", "")],
            new ChangeContext(reporter.Id, Now, true));
        db.IncidentReviews.Add(review);
        await db.SaveChangesAsync();
        return (incident.Id, review.Id);
    }

    private static async Task<(string Owner, ActionItemTeam Team)> OwnerAndTeamAsync(AppDbContext db)
    {
        if (await db.Teams.AsNoTracking().Include(t => t.Members).SingleOrDefaultAsync() is not { } team)
        {
            team = new Team { Name = "Mail", Description = "Mail" };
            team.Members.Add(await db.Users.SingleAsync());
            db.Teams.Add(team);
            await db.SaveChangesAsync();
        }
        return (team.Members[0].Id, new ActionItemTeam(team.Id, team.Name, [team.Members[0].Id]));
    }

    private static async Task<int> AddItemAsync(AppDbContext db, int incidentId, int? reviewId, string title, string owner, ActionItemTeam team)
    {
        var item = ActionItem.Create(incidentId, reviewId, new ActionItemInput(title, team.Id, owner, Now.AddDays(7),
            ActionItemPriority.Medium, ActionItemType.Prevent), team, owner, Now);
        db.ActionItems.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    }

    private async Task<List<(string Table, string From, string To, string OnDelete)>> ForeignKeysAsync() =>
        await QueryAsync("PRAGMA foreign_key_list('ActionItems')", r => (r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(6)));

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<List<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> read)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }

    /// <summary>Foreign keys on, as the app's connections have them (Microsoft.Data.Sqlite's default).</summary>
    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = File, Pooling = false, ForeignKeys = true }.ToString();

    private AppDbContext CreateContext() => new(new DbContextOptionsBuilder<AppDbContext>()
        .UseSqlite(ConnectionString)
        .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
        .Options);

    public void Dispose() => folder.Dispose();
}

using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IncidentPortal.Tests.Infrastructure.Data;

/// <summary>
/// ModelSnapshotTests compare the model with the model snapshot; here the schema the migrations really build on SQLite
/// must equal the schema the model describes, so a migration that strays from the snapshot (edited by hand) shows too.
/// </summary>
public sealed class MigrationSchemaTests : IDisposable
{
    private readonly TempDirectory folder = new();

    private string MigratedFile => Path.Combine(folder.Path, "migrated.db");
    private string ModelFile => Path.Combine(folder.Path, "model.db");

    [Fact]
    public async Task Migrations_build_exactly_the_schema_the_model_describes()
    {
        await using (var db = CreateContext(MigratedFile)) await db.Database.MigrateAsync();
        await using (var db = CreateContext(ModelFile)) await db.Database.EnsureCreatedAsync();

        var migrated = await SqliteSchema.ReadFactsAsync(MigratedFile);
        var model = await SqliteSchema.ReadFactsAsync(ModelFile);

        // Guard against a vacuous pass (both sides empty or unreadable).
        Assert.Contains("Incidents: unique index IX_Incidents_Number (Number)", model);
        Assert.Contains("AspNetUsers: column Id TEXT NOT NULL PRIMARY KEY #1", model);
        var differences = SchemaFacts.Describe(model, "the model (EnsureCreated)", migrated, "the migrations (Migrate)");
        Assert.True(differences.Length == 0,
            "The migrations do not build the model's schema. Add or fix a migration in Infrastructure/Data/Migrations:"
            + Environment.NewLine + differences);
    }

    [Fact]
    public async Task The_comparison_names_an_index_and_a_column_that_one_side_lacks()
    {
        await using (var db = CreateContext(ModelFile)) await db.Database.EnsureCreatedAsync();
        File.Copy(ModelFile, MigratedFile);
        await using (var db = CreateContext(MigratedFile))
        {
            await db.Database.ExecuteSqlRawAsync("DROP INDEX IX_Incidents_Number;");
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE Teams ADD COLUMN Colour TEXT NULL;");
        }

        var differences = SchemaFacts.Describe(await SqliteSchema.ReadFactsAsync(ModelFile), "model",
            await SqliteSchema.ReadFactsAsync(MigratedFile), "migrations");

        Assert.Equal(
            "  only in model: Incidents: unique index IX_Incidents_Number (Number)" + Environment.NewLine
            + "  only in migrations: Teams: column Colour TEXT NULL",
            differences);
    }

    /// <summary>Configured as the app configures it (DatabaseSetup), on a file of our own.</summary>
    private static AppDbContext CreateContext(string file) => new(new DbContextOptionsBuilder<AppDbContext>()
        .UseSqlite(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString())
        .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
        .Options);

    public void Dispose() => folder.Dispose();
}

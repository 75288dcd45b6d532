using IncidentPortal.Features.Teams;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace IncidentPortal.Tests.Infrastructure.Data;

/// <summary>
/// The model snapshot (Migrations/AppDbContextModelSnapshot.cs) is the model as the migrations leave it; `dotnet ef
/// migrations add` writes the difference to the current model as the next migration. A model change that no migration
/// covers shows here, for each provider: the snapshot is provider-neutral (ProviderNeutralDesignTimeServices), so the
/// PostgreSQL model is compared with it as well as SQLite's. No database is contacted.
/// </summary>
public class ModelSnapshotTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_migrations_cover_every_change_to_the_model(DatabaseProvider provider)
    {
        using var db = ModelContexts.Create(provider);

        var pending = PendingModelChanges.List(db);

        Assert.True(pending.Count == 0 && !db.Database.HasPendingModelChanges(),
            $"The model has changes no migration covers ({provider}). Add one: dotnet ef migrations add <Name> --project IncidentPortal"
            + " (docs/migrations.md)." + Environment.NewLine + string.Join(Environment.NewLine, pending.Select(p => "  " + p)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "AddColumn Teams.Colour")]
    // A longer string is a change of type on PostgreSQL only: SQLite stores every string as TEXT.
    [InlineData(DatabaseProvider.Postgres, "AddColumn Teams.Colour", "AlterColumn Teams.Name")]
    public void A_model_change_without_a_migration_is_pending(DatabaseProvider provider, params string[] expected)
    {
        using var db = ModelContexts.CreateWithModelChange<TeamColourAndLongerName>(provider);

        Assert.True(db.Database.HasPendingModelChanges());
        // Exactly the change: no provider-specific noise around it (a SQLite-typed snapshot gives PostgreSQL hundreds).
        Assert.Equal(expected, PendingModelChanges.List(db).Order());
    }

    /// <summary>A change a developer might make: a new column, and a longer one (a type change on PostgreSQL).</summary>
    private sealed class TeamColourAndLongerName(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
    {
        public override void Customize(ModelBuilder modelBuilder, DbContext context)
        {
            base.Customize(modelBuilder, context);
            modelBuilder.Entity<Team>().Property<string>("Colour").HasMaxLength(7);
            modelBuilder.Entity<Team>().Property(t => t.Name).HasMaxLength(120);
        }
    }
}

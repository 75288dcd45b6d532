using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace IncidentPortal.Tests.Support;

/// <summary>
/// An <see cref="AppDbContext"/> for a provider that is never connected: for comparing the model, the snapshot and
/// the migrations offline. The PostgreSQL one names a host that cannot resolve, so a query by mistake fails at once.
/// </summary>
public static class ModelContexts
{
    public static AppDbContext Create(DatabaseProvider provider, Action<DbContextOptionsBuilder>? configure = null)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        _ = provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite("Data Source=not-opened.db"),
            DatabaseProvider.Postgres => options.UseNpgsql("Host=not-contacted.invalid;Database=incidentportal"),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
        configure?.Invoke(options);
        return new AppDbContext(options.Options);
    }

    /// <summary>The model with one more step after OnModelCreating, as a future model change would be (EF caches it apart).</summary>
    public static AppDbContext CreateWithModelChange<TCustomizer>(DatabaseProvider provider) where TCustomizer : RelationalModelCustomizer
        => Create(provider, options => options.ReplaceService<IModelCustomizer, TCustomizer>());
}

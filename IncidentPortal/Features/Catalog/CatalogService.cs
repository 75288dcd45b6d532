using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Catalog;

public sealed record ServiceOption(int Id, string Name);

public sealed class CatalogService(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<IReadOnlyList<ServiceOption>> ActiveServicesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Services.Where(s => s.IsActive).OrderBy(s => s.Name)
            .Select(s => new ServiceOption(s.Id, s.Name)).ToListAsync(ct);
    }
}

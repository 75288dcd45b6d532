using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IncidentPortal.Infrastructure.Data.Design;

/// <summary>
/// `dotnet ef` finds this class in the startup assembly and lets it change what the tools generate.
/// One set of migrations serves SQLite and PostgreSQL, so what `migrations add` writes must not carry the store types
/// of the provider it ran with: each provider picks its own from the CLR type and facets (length, precision…),
/// as the hand-written migrations always let it. See docs/migrations.md.
/// </summary>
/// <remarks>Only types of EF Core's runtime assemblies are used here: the Design package is a tool-only reference.</remarks>
internal sealed class ProviderNeutralDesignTimeServices : IDesignTimeServices
{
    public void ConfigureDesignTimeServices(IServiceCollection services)
    {
        // The snapshot and each migration's target model (the .Designer.cs file).
        services.Replace(ServiceDescriptor.Singleton<IAnnotationCodeGenerator, ProviderNeutralAnnotationCodeGenerator>());
        // The operations of a new migration's Up and Down.
        services.Replace(ServiceDescriptor.Scoped<IMigrationsModelDiffer>(provider =>
        {
            var context = provider.GetRequiredService<ICurrentDbContext>().Context;
            return new ProviderNeutralMigrationsModelDiffer(
                context.GetService<IMigrationsModelDiffer>(), context.GetService<IRelationalTypeMappingSource>());
        }));
    }
}

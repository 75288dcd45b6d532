using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace IncidentPortal.Infrastructure.Data.Design;

/// <summary>
/// Writes the model snapshot (and each generated migration's target model) without the design-time provider's
/// store types, so the snapshot describes the model for SQLite and PostgreSQL alike:
/// <list type="bullet">
/// <item>A column type is written only where the model configures one (HasColumnType); EF would otherwise write the
/// one it inferred (SQLite's TEXT for a string of 100), which PostgreSQL reads as a change to text.</item>
/// <item>Keys numbered by the database are identity columns on PostgreSQL. The Npgsql provider says so by a convention
/// that does not run for SQLite, so the snapshot states it (as MigrationColumns.Identity does in the migrations).</item>
/// </list>
/// The base generator replaces the provider's (SQLite's only turns Autoincrement into UseAutoincrement(); it is written
/// as an equivalent HasAnnotation instead).
/// </summary>
internal sealed class ProviderNeutralAnnotationCodeGenerator(AnnotationCodeGeneratorDependencies dependencies)
    : AnnotationCodeGenerator(dependencies)
{
    private const string NpgsqlStrategyAnnotation = "Npgsql:ValueGenerationStrategy";

    private static readonly MethodInfo UseIdentityByDefaultColumns = typeof(NpgsqlModelBuilderExtensions)
        .GetMethod(nameof(NpgsqlModelBuilderExtensions.UseIdentityByDefaultColumns), [typeof(ModelBuilder)])!;

    public override IReadOnlyList<MethodCallCodeFragment> GenerateFluentApiCalls(IProperty property, IDictionary<string, IAnnotation> annotations)
    {
        if (property.FindAnnotation(RelationalAnnotationNames.ColumnType) is null) annotations.Remove(RelationalAnnotationNames.ColumnType);
        return base.GenerateFluentApiCalls(property, annotations);
    }

    public override IReadOnlyList<MethodCallCodeFragment> GenerateFluentApiCalls(IModel model, IDictionary<string, IAnnotation> annotations)
    {
        // `migrations remove` rewrites the snapshot from the target model of the migration before the removed one. The
        // hand-written migrations have none (an empty model), so removing GeneratedMigrationsBaseline would empty the
        // snapshot. By now the tools have deleted the removed migration's files: refusing here keeps the snapshot as it was.
        if (!model.GetEntityTypes().Any())
            throw new InvalidOperationException("Not writing an empty model snapshot: the migration before the removed one is hand-written "
                + "and has no target model. The removed migration's files are deleted; the snapshot is unchanged (docs/migrations.md).");
        // A strategy the model sets itself stays as written; the default is always written the same way, whether the
        // model came from SQLite's conventions (`migrations add`) or from a target model (`migrations remove`).
        var strategy = annotations.TryGetValue(NpgsqlStrategyAnnotation, out var annotation) ? annotation.Value : null;
        if (strategy is not (null or NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)) return base.GenerateFluentApiCalls(model, annotations);
        annotations.Remove(NpgsqlStrategyAnnotation);
        return [.. base.GenerateFluentApiCalls(model, annotations), new MethodCallCodeFragment(UseIdentityByDefaultColumns)];
    }
}

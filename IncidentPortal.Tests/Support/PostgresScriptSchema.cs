using System.Text.RegularExpressions;

namespace IncidentPortal.Tests.Support;

/// <summary>
/// The schema in a PostgreSQL DDL script (as EF generates it, no server needed) as <see cref="SchemaFacts"/>:
/// one fact per column or constraint line of each CREATE TABLE, one per CREATE INDEX and ALTER TABLE … ADD column or constraint; a later DROP INDEX removes its
/// fact again (a migration that replaces an index); order does not matter otherwise.
/// </summary>
public static partial class PostgresScriptSchema
{
    public static SortedSet<string> ReadFacts(string script)
    {
        var facts = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var statement in script.Split(';').Select(s => s.Trim()))
        {
            var table = CreateTable().Match(statement);
            if (table.Success)
            {
                var name = table.Groups["name"].Value;
                if (name.StartsWith("__EFMigrations", StringComparison.Ordinal)) continue;
                facts.Add($"{name}: table");
                foreach (var line in table.Groups["body"].Value.Split('\n').Select(l => l.Trim().TrimEnd(',')).Where(l => l.Length > 0))
                    facts.Add($"{name}: {line}");
            }
            else if (statement.StartsWith("CREATE INDEX", StringComparison.Ordinal) || statement.StartsWith("CREATE UNIQUE INDEX", StringComparison.Ordinal))
            {
                facts.Add(Regex.Replace(statement, @"\s+", " "));
            }
            else if (AddColumnOrConstraint().Match(statement) is { Success: true } added)
            {
                // A later migration's new column or constraint reads like its line in the model's CREATE TABLE.
                facts.Add($"{added.Groups["name"].Value}: {Regex.Replace(added.Groups["column"].Value, @"\s+", " ")}");
            }
            else if (DropIndex().Match(statement) is { Success: true } drop)
            {
                facts.RemoveWhere(f => f.Contains($"INDEX \"{drop.Groups["name"].Value}\" ON", StringComparison.Ordinal));
            }
        }
        return facts;
    }

    [GeneratedRegex("""^CREATE TABLE (IF NOT EXISTS )?"(?<name>[^"]+)" \((?<body>.*)\)$""", RegexOptions.Singleline)]
    private static partial Regex CreateTable();

    [GeneratedRegex("""^ALTER TABLE "(?<name>[^"]+)" ADD (?<column>("[^"]+"|CONSTRAINT "[^"]+") .*)$""", RegexOptions.Singleline)]
    private static partial Regex AddColumnOrConstraint();

    [GeneratedRegex("""^DROP INDEX (IF EXISTS )?"(?<name>[^"]+)"$""")]
    private static partial Regex DropIndex();
}

using System.Text.RegularExpressions;

namespace IncidentPortal.Tests.Support;

/// <summary>
/// The schema in a PostgreSQL DDL script (as EF generates it, no server needed) as <see cref="SchemaFacts"/>:
/// one fact per column or constraint line of each CREATE TABLE, one per CREATE INDEX; order does not matter.
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
        }
        return facts;
    }

    [GeneratedRegex("""^CREATE TABLE (IF NOT EXISTS )?"(?<name>[^"]+)" \((?<body>.*)\)$""", RegexOptions.Singleline)]
    private static partial Regex CreateTable();
}

namespace IncidentPortal.Tests.Support;

/// <summary>A schema as a sorted set of one-line facts, so two schemas compare as sets and each difference reads as a sentence.</summary>
public static class SchemaFacts
{
    /// <summary>Empty when equal; otherwise one line per fact that only one side has.</summary>
    public static string Describe(SortedSet<string> expected, string expectedName, SortedSet<string> actual, string actualName)
    {
        var missing = expected.Except(actual).Select(f => $"  only in {expectedName}: {f}");
        var extra = actual.Except(expected).Select(f => $"  only in {actualName}: {f}");
        return string.Join(Environment.NewLine, missing.Concat(extra));
    }
}

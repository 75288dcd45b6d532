namespace IncidentPortal.Features.Incidents.Bulk;

/// <summary>One selected incident: its id and the version the agent saw (null: selected by "all matching", not seen).</summary>
public sealed record BulkTarget(int Id, int? Version = null);

/// <summary>An incident a bulk action could not change, and why, in the words the one-by-one action would use.</summary>
public sealed record BulkFailure(int Id, string Reference, string Reason);

/// <summary>What a bulk action did: the incidents changed and those refused.</summary>
public sealed record BulkOutcome(IReadOnlyList<int> Changed, IReadOnlyList<BulkFailure> Failed)
{
    public int Total => Changed.Count + Failed.Count;

    /// <summary>One line for the agent: "Assigned 3 incidents to you." or "Assigned 2 of 3 incidents to you; 1 could not be changed."</summary>
    public string Summary(string done, string suffix = "") => Failed.Count == 0
        ? $"{done} {Incidents(Changed.Count)}{suffix}."
        : Changed.Count == 0
            ? $"None of the {Incidents(Total)} could be changed."
            : $"{done} {Changed.Count} of {Incidents(Total)}{suffix}; {Failed.Count} could not be changed.";

    /// <summary>One line per refused incident: "INC-000012: The incident is Resolved and can no longer be changed."</summary>
    public IReadOnlyList<string> Details => [.. Failed.Select(f => $"{f.Reference}: {f.Reason}")];

    public static string Incidents(int count) => count == 1 ? "1 incident" : $"{count} incidents";
}

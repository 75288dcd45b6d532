namespace IncidentPortal.Features.Problems;

public sealed record ProblemRow(int Id, string Title, ProblemStatus Status, int IncidentCount, DateTime UpdatedAt)
{
    public string Reference => Problem.FormatReference(Id);
}

public sealed record LinkedIncident(int Id, int Number, string Title, string Status, DateTime LinkedAt)
{
    public string Reference => Incidents.Incident.FormatReference(Number);
}

/// <summary>The action item a problem was spawned from.</summary>
public sealed record SpawningItem(int Id, string Title, string? Owner);

public sealed record ProblemDetails(int Id, string Title, string Description, string KnownError, string Workaround, ProblemStatus Status,
    string? CreatedBy, DateTime CreatedAt, DateTime UpdatedAt, DateTime? ResolvedAt, int Version,
    IReadOnlyList<LinkedIncident> Incidents, IReadOnlyList<SpawningItem> ActionItems)
{
    public string Reference => Problem.FormatReference(Id);
    public ProblemInput ToInput() => new(Title, Description, KnownError, Workaround);
}

/// <summary>Published after a problem change is committed, with the incidents linked before and after.</summary>
public sealed record ProblemChanged(int ProblemId, IReadOnlyList<int> IncidentIds);

using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Features.Reviews;

/// <summary>A review as a page shows it. Comments and reviewers are empty for a reporter.</summary>
public sealed record ReviewView(int Id, int IncidentId, string IncidentReference, string IncidentTitle, IncidentStatus IncidentStatus,
    Priority Priority, string IncidentReporterId, ReviewStatus Status, int Version, bool SharedWithReporter, string? Author,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime? PublishedAt, IReadOnlyList<PersonRef> Reviewers, IReadOnlyList<SectionView> Sections)
{
    public bool IsReadOnly => Status == ReviewStatus.Published;
    public SectionView? SectionByKey(string key) => Sections.FirstOrDefault(s => s.Key == key);
}

public sealed record PersonRef(string Id, string Name);

public sealed record SectionView(int Id, string Key, string Title, string Prompt, int Position, string Body, int Version,
    string? UpdatedBy, DateTime UpdatedAt, IReadOnlyList<CommentView> Comments);

public sealed record CommentView(long Id, string Author, string Text, DateTime CreatedAt);

public sealed record RevisionView(int Number, string? SavedBy, DateTime SavedAt, string Body);

/// <summary>The result of a section save: its version now, and when.</summary>
public sealed record SectionSaved(int SectionId, int Version, DateTime SavedAt, bool Changed);

/// <summary>For the incident workspace: whether a review exists, and whether one is required.</summary>
public sealed record ReviewState(int IncidentId, int? ReviewId, ReviewStatus? Status, bool Required);

namespace IncidentPortal.Features.Reviews;

/// <summary>
/// Conflicts are per section: a save is refused only when the same section was saved by someone else after the
/// version the editor started from, and the text differs from what they saved. Other sections' saves never matter.
/// </summary>
public static class SectionConflict
{
    public static void Check(ReviewSection current, int baseVersion, string text)
    {
        if (baseVersion > current.Version) throw new ArgumentOutOfRangeException(nameof(baseVersion), "That section version does not exist yet.");
        // Both typed the same thing: nothing to merge.
        if (baseVersion == current.Version || text == current.Body) return;
        throw new SectionConflictException(current.Id, current.Title, current.Version, current.Body, current.UpdatedById);
    }
}

/// <summary>Someone else saved the section since it was opened; carries their text so the editor can offer a merge.</summary>
public sealed class SectionConflictException(int sectionId, string title, int theirVersion, string theirBody, string? theirAuthorId)
    : Exception($"Someone else saved \"{title}\" meanwhile.")
{
    public int SectionId { get; } = sectionId;
    public int TheirVersion { get; } = theirVersion;
    public string TheirBody { get; } = theirBody;
    public string? TheirAuthorId { get; } = theirAuthorId;
}

using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Features.Reviews;

/// <summary>A template section with the text drafted for it when the review starts.</summary>
public sealed record SectionDraft(string Key, string Title, string Prompt, string Body);

/// <summary>
/// One section of a review (summary, timeline, root cause, ...), Markdown text with its own version: a save names the
/// version it was edited from, and is refused when someone else saved the section since (<see cref="SectionConflictException"/>).
/// Every save keeps a <see cref="ReviewSectionRevision"/>.
/// </summary>
public class ReviewSection
{
    public const int MaxBodyLength = 20_000;
    public const int MaxTitleLength = 100;
    public const int MaxPromptLength = 500;

    public int Id { get; private set; }
    public int ReviewId { get; private set; }
    /// <summary>The template key: "timeline", "root-cause" and "action-items" get their own editors.</summary>
    public string Key { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Prompt { get; private set; } = "";
    public int Position { get; private set; }
    public string Body { get; private set; } = "";
    public int Version { get; private set; }
    public string? UpdatedById { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public List<ReviewSectionRevision> Revisions { get; } = [];

    private ReviewSection() { }

    internal static ReviewSection Create(SectionDraft draft, int position, ChangeContext by)
    {
        var section = new ReviewSection
        {
            Key = draft.Key, Title = draft.Title, Prompt = draft.Prompt, Position = position,
            Body = CheckBody(draft.Body), Version = 1, UpdatedById = by.ActorId, UpdatedAt = by.At,
        };
        section.Revisions.Add(new ReviewSectionRevision(1, section.Body, by));
        return section;
    }

    /// <summary>Saves new text edited from <paramref name="baseVersion"/>. Saving the same text again changes nothing.</summary>
    /// <returns>Whether anything changed.</returns>
    public bool Save(string? body, int baseVersion, ChangeContext by)
    {
        var text = CheckBody(body);
        SectionConflict.Check(this, baseVersion, text);
        if (text == Body) return false;
        Body = text;
        Version++;
        UpdatedById = by.ActorId;
        UpdatedAt = by.At;
        Revisions.Add(new ReviewSectionRevision(Version, text, by));
        return true;
    }

    private static string CheckBody(string? body)
    {
        // Line endings from browsers vary; one form keeps versions and diffs honest.
        var text = (body ?? "").Replace("\r\n", "\n").TrimEnd();
        if (text.Length > MaxBodyLength) throw new ReviewRuleException($"A section can be at most {MaxBodyLength} characters.", "Body");
        return text;
    }
}

/// <summary>The text a section had after one save.</summary>
public class ReviewSectionRevision
{
    public long Id { get; private set; }
    public int SectionId { get; private set; }
    public int Number { get; private set; }
    public string Body { get; private set; } = "";
    public string? SavedById { get; private set; }
    public DateTime SavedAt { get; private set; }

    private ReviewSectionRevision() { }

    internal ReviewSectionRevision(int number, string body, ChangeContext by)
    {
        (Number, Body, SavedById, SavedAt) = (number, body, by.ActorId, by.At);
    }
}

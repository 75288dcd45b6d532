using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Features.Reviews;

/// <summary>A reviewer's remark on one section. Staff only; never shown to reporters.</summary>
public class ReviewComment
{
    public const int MaxTextLength = 2000;

    public long Id { get; private set; }
    public int SectionId { get; private set; }
    public string? AuthorId { get; private set; }
    public string Text { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    private ReviewComment() { }

    public static ReviewComment On(ReviewSection section, string? text, ChangeContext by)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0) throw new ReviewRuleException("Write a comment first.", "Comment");
        if (trimmed.Length > MaxTextLength) throw new ReviewRuleException($"A comment can be at most {MaxTextLength} characters.", "Comment");
        return new ReviewComment { SectionId = section.Id, AuthorId = by.ActorId, Text = trimmed, CreatedAt = by.At };
    }
}

/// <summary>
/// One section of the admin-editable review template. New reviews copy the template; existing reviews keep theirs.
/// Keys of the built-in sections drive their special editors and drafting, so built-in sections can be renamed, not removed.
/// </summary>
public class ReviewTemplateSection
{
    public int Id { get; private set; }
    public string Key { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Prompt { get; private set; } = "";
    public int Position { get; private set; }

    private ReviewTemplateSection() { }

    public static ReviewTemplateSection Create(string key, string title, string? prompt, int position)
    {
        var section = new ReviewTemplateSection { Key = key, Position = position };
        section.Edit(title, prompt);
        return section;
    }

    public void Edit(string? title, string? prompt)
    {
        var name = (title ?? "").Trim();
        if (name.Length == 0) throw new ReviewRuleException("The section title is required.", "Title");
        if (name.Length > ReviewSection.MaxTitleLength)
            throw new ReviewRuleException($"The title can be at most {ReviewSection.MaxTitleLength} characters.", "Title");
        var text = (prompt ?? "").Trim();
        if (text.Length > ReviewSection.MaxPromptLength)
            throw new ReviewRuleException($"The prompt can be at most {ReviewSection.MaxPromptLength} characters.", "Prompt");
        (Title, Prompt) = (name, text);
    }

    public void MoveTo(int position) => Position = position;
}

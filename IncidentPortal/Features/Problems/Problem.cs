namespace IncidentPortal.Features.Problems;

public enum ProblemStatus { Open, KnownError, Resolved }

/// <summary>What a person fills in for a problem record.</summary>
public sealed record ProblemInput(string Title, string? Description, string? KnownError, string? Workaround);

/// <summary>
/// Root-cause work behind one or more incidents (ITIL problem management). Open while the cause is investigated;
/// Known error once the cause is understood and written down (with a workaround if there is one); Resolved when fixed.
/// </summary>
public class Problem
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 4000;

    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string KnownError { get; private set; } = "";
    public string Workaround { get; private set; } = "";
    public ProblemStatus Status { get; private set; }
    public string? CreatedById { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? ResolvedAt { get; private set; }
    public int Version { get; private set; }

    public List<ProblemIncident> Incidents { get; private set; } = [];

    public string Reference => FormatReference(Id);

    public static string FormatReference(int id) => $"PRB-{id:D5}";

    public static string Label(ProblemStatus status) => status == ProblemStatus.KnownError ? "Known error" : status.ToString();

    private Problem() { }

    public static Problem Create(ProblemInput input, string? actorId, DateTime now)
    {
        var problem = new Problem { Status = ProblemStatus.Open, CreatedById = actorId, CreatedAt = now };
        problem.Apply(input, now);
        return problem;
    }

    public void Edit(ProblemInput input, DateTime now) => Apply(input, now);

    /// <summary>The moves the lifecycle allows from <paramref name="from"/>.</summary>
    public static IReadOnlyList<ProblemStatus> Moves(ProblemStatus from) => from switch
    {
        ProblemStatus.Open => [ProblemStatus.KnownError, ProblemStatus.Resolved],
        // A known error is still open (its cause is known, the fix is not in): nothing to reopen, only to resolve.
        ProblemStatus.KnownError => [ProblemStatus.Resolved],
        _ => [ProblemStatus.Open],
    };

    /// <summary>Open → Known error → Resolved; a known error needs its cause written down; a resolved problem may be reopened.</summary>
    public void MoveTo(ProblemStatus target, DateTime now)
    {
        if (!Moves(Status).Contains(target))
            throw new ProblemRuleException($"A problem that is {Label(Status).ToLowerInvariant()} cannot become {Label(target).ToLowerInvariant()}.");
        if (target == ProblemStatus.KnownError && KnownError.Length == 0)
            throw new ProblemRuleException("Describe the known error (the root cause) before marking it a known error.", nameof(KnownError));
        Status = target;
        ResolvedAt = target == ProblemStatus.Resolved ? now : null;
        Touch(now);
    }

    /// <summary>Links an incident caused by this problem; linking twice is refused, not duplicated.</summary>
    public void Link(int incidentId, string? actorId, DateTime now)
    {
        if (Incidents.Any(l => l.IncidentId == incidentId)) throw new ProblemRuleException("That incident is already linked to this problem.");
        Incidents.Add(new ProblemIncident(Id, incidentId, actorId, now));
        Touch(now);
    }

    public void Unlink(int incidentId, DateTime now)
    {
        var link = Incidents.FirstOrDefault(l => l.IncidentId == incidentId) ?? throw new ProblemRuleException("That incident is not linked to this problem.");
        Incidents.Remove(link);
        Touch(now);
    }

    private void Apply(ProblemInput input, DateTime now)
    {
        var title = (input.Title ?? "").Trim();
        if (title.Length == 0) throw new ProblemRuleException("The title is required.", nameof(Title));
        if (title.Length > MaxTitleLength) throw new ProblemRuleException($"The title can be at most {MaxTitleLength} characters.", nameof(Title));
        var (description, knownError, workaround) = (Text(input.Description, nameof(Description)), Text(input.KnownError, nameof(KnownError)),
            Text(input.Workaround, nameof(Workaround)));
        if (Status == ProblemStatus.KnownError && knownError.Length == 0)
            throw new ProblemRuleException("A known error keeps its description; correct it rather than clearing it.", nameof(KnownError));
        (Title, Description, KnownError, Workaround) = (title, description, knownError, workaround);
        Touch(now);
    }

    private static string Text(string? value, string field)
    {
        var text = (value ?? "").Trim();
        if (text.Length > MaxTextLength) throw new ProblemRuleException($"This can be at most {MaxTextLength} characters.", field);
        return text;
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>An incident caused by a problem. An incident belongs to at most one problem.</summary>
public class ProblemIncident(int problemId, int incidentId, string? linkedById, DateTime linkedAt)
{
    public int ProblemId { get; private set; } = problemId;
    public int IncidentId { get; private set; } = incidentId;
    public string? LinkedById { get; private set; } = linkedById;
    public DateTime LinkedAt { get; private set; } = linkedAt;
}

public sealed class ProblemRuleException(string message, string? field = null) : InvalidOperationException(message)
{
    public string? Field { get; } = field;
}

public sealed class ProblemNotFoundException() : Exception("That problem does not exist or is not yours to see.");

public sealed class ProblemConflictException() : Exception("Someone else changed this problem meanwhile. It has been reloaded; try again.");

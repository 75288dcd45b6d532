namespace IncidentPortal.Features.Incidents.SavedViews;

/// <summary>
/// A named queue view: view, filters and sort, kept as the queue address's query ("view=my-teams&amp;priority=P2"), so
/// it opens exactly as the address would. Personal (<see cref="TeamId"/> null: only its owner sees and edits it) or
/// shared with a team (its members see it; incident managers and admins manage it). Pinned views are tabs on the queue.
/// </summary>
public class SavedQueueView
{
    public const int MaxNameLength = 60;
    public const int MaxQueryLength = 1000;

    public int Id { get; set; }
    public string Name { get; private set; } = "";
    /// <summary>Who saved it: the only one who may change a personal view.</summary>
    public string OwnerId { get; private set; } = "";
    public int? TeamId { get; private set; }
    public string Query { get; private set; } = "";
    public bool IsPinned { get; set; }
    /// <summary>Order among the views of its owner (personal) or its team (shared).</summary>
    public int Position { get; set; }
    public DateTime CreatedAt { get; private set; }

    public bool IsShared => TeamId is not null;

    public static SavedQueueView Create(string name, string ownerId, int? teamId, string query, bool pinned, int position, DateTime now) => new()
    {
        Name = RequireName(name), OwnerId = ownerId, TeamId = teamId, Query = RequireQuery(query), IsPinned = pinned, Position = position,
        CreatedAt = now,
    };

    public void Rename(string name) => Name = RequireName(name);

    public static string RequireName(string? name)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0) throw new SavedViewException("Give the view a name.");
        if (trimmed.Length > MaxNameLength) throw new SavedViewException($"A view's name can be at most {MaxNameLength} characters.");
        return trimmed;
    }

    private static string RequireQuery(string query) =>
        query.Length <= MaxQueryLength ? query : throw new SavedViewException("These filters are too long to save as a view.");
}

/// <summary>A saved view refused for bad input (the message names the problem); nothing was changed.</summary>
public sealed class SavedViewException(string message) : InvalidOperationException(message);

/// <summary>The view does not exist or is not the actor's to see: the same answer for both.</summary>
public sealed class SavedViewNotFoundException() : Exception("That saved view does not exist or is not yours to see.");

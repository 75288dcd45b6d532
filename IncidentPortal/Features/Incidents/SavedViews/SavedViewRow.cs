namespace IncidentPortal.Features.Incidents.SavedViews;

/// <summary>A saved view as a viewer sees it.</summary>
/// <param name="Team">The team it is shared with; null for a personal view.</param>
/// <param name="CanManage">The viewer may rename, pin, reorder and delete it.</param>
public sealed record SavedViewRow(int Id, string Name, int? TeamId, string? Team, string Query, bool IsPinned, int Position, bool CanManage)
{
    public bool IsShared => TeamId is not null;
    public string Url => SavedViewQuery.Url(Query);
}

/// <summary>What "Save view" stores: a name, the current query, personal (no team) or shared with a team, pinned or not.</summary>
public sealed record SavedViewDraft(string Name, QueueQuery Query, int? TeamId = null, bool Pinned = true);

using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents.Bulk;
using IncidentPortal.Features.MajorIncidents.Pages.Linking;
using Microsoft.AspNetCore.Components;

namespace IncidentPortal.Features.Incidents.Pages;

public sealed partial class QueueBulkBar : IDisposable
{
    [Parameter, EditorRequired] public QueueSelection Selection { get; set; } = default!;
    [Parameter, EditorRequired] public Actor Actor { get; set; } = default!;
    /// <summary>A bulk action finished: what to tell the agent (and whether it is an error); the queue reloads.</summary>
    [Parameter] public EventCallback<BulkResult> Done { get; set; }

    private QueueSelection? subscribed;
    private bool busy;

    private string SelectedText => Selection.AllMatching ? $"All {Selection.Count} matching selected" : $"{Selection.Count} selected";

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(subscribed, Selection)) return;
        if (subscribed is not null) subscribed.Changed -= OnChanged;
        (subscribed = Selection).Changed += OnChanged;
    }

    private void OnChanged() => _ = InvokeAsync(StateHasChanged);

    /// <summary>The ticked rows with the versions they showed; with "all matching", every match (unseen, so no version).</summary>
    private async Task<IReadOnlyList<BulkTarget>> TargetsAsync() => Selection is { AllMatching: true, Query: { } query }
        ? [.. (await Queues.MatchingIdsAsync(Actor, query)).Select(id => new BulkTarget(id))]
        : Selection.PageTargets;

    private static string What(int count) => count == 1 ? "the selected incident" : $"the {count} selected incidents";

    private async Task AssignToMeAsync() => await RunAsync(async targets =>
    {
        var outside = await Bulk.CountOutsideMyTeamsAsync(Actor, [.. targets.Select(t => t.Id)]);
        int? team = null;
        if (outside > 0)
        {
            var options = await Queues.GetFilterOptionsAsync(Actor);
            var mine = options.Teams.Where(t => options.MyTeamIds.Contains(t.Id)).ToList();
            // Without a team of their own the agent is told so per incident, as one by one.
            if (mine.Count > 0)
            {
                var what = outside == 1 ? (targets.Count == 1 ? "The selected incident" : "1 of the selected incidents") : $"{outside} of the selected incidents";
                team = await ChooseTeamDialog.AskAsync(Dialogs, mine, what, several: outside > 1);
                if (team is null) return null;
            }
        }
        var outcome = await Bulk.AssignToMeAsync(Actor, targets, team);
        return (outcome, outcome.Summary("Assigned", " to you"));
    });

    private async Task ChangeAsync(BulkKind kind) => await RunAsync(async targets =>
    {
        if (await BulkChangeDialog.ShowAsync(Dialogs, kind, What(targets.Count)) is not { } command) return null;
        var outcome = await Bulk.ApplyAsync(Actor, targets, command);
        return (outcome, outcome.Summary(BulkChangeDialog.Done(kind)));
    });

    /// <summary>Gathers the targets, runs the action, keeps the refused ones ticked and reports; null from the action: cancelled.</summary>
    private async Task RunAsync(Func<IReadOnlyList<BulkTarget>, Task<(BulkOutcome Outcome, string Summary)?>> action)
    {
        busy = true;
        try
        {
            var targets = await TargetsAsync();
            if (targets.Count == 0 || await action(targets) is not { } done) return;
            Selection.KeepOnly(done.Outcome.Failed.Select(f => f.Id));
            await Done.InvokeAsync(new BulkResult(done.Summary, done.Outcome.Failed.Count > 0, done.Outcome.Details));
        }
        finally
        {
            busy = false;
        }
    }

    private async Task LinkAsync()
    {
        var ids = (await TargetsAsync()).Select(t => t.Id).ToList();
        var what = ids.Count == 1 ? "the selected incident" : $"the {ids.Count} selected incidents";
        if (await LinkToMajorIncidentDialog.ShowAsync(Dialogs, Actor, ids, what) is not { } major) return;
        Selection.Clear();
        await Done.InvokeAsync(new BulkResult($"Linked {ids.Count} {(ids.Count == 1 ? "incident" : "incidents")} to the major incident {major.Reference}.", false));
    }

    public void Dispose()
    {
        if (subscribed is not null) subscribed.Changed -= OnChanged;
    }
}

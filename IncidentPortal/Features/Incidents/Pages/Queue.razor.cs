using IncidentPortal.Features.Accounts;
using IncidentPortal.Infrastructure.Events;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace IncidentPortal.Features.Incidents.Pages;

/// <summary>
/// The agents' queue. Its state (view, filters, sort, page) lives in the address; the table loads one page at a time
/// from the server, again (throttled) when any incident is created or changed, and briefly highlights the rows that changed.
/// </summary>
public sealed partial class Queue : IDisposable
{
    /// <summary>How long a changed row stays highlighted (the CSS animation runs as long).</summary>
    public static readonly TimeSpan HighlightFor = TimeSpan.FromSeconds(3);

    [Inject] private QueueService Queues { get; set; } = default!;
    [Inject] private IEventBus Events { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private Microsoft.JSInterop.IJSRuntime JS { get; set; } = default!;
    [Inject] private MudBlazor.IDialogService Dialogs { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "view")] public string? ViewParameter { get; set; }
    [SupplyParameterFromQuery(Name = "status")] public string? StatusParameter { get; set; }
    [SupplyParameterFromQuery(Name = "priority")] public string? PriorityParameter { get; set; }
    [SupplyParameterFromQuery(Name = "team")] public int? TeamParameter { get; set; }
    [SupplyParameterFromQuery(Name = "service")] public int? ServiceParameter { get; set; }
    [SupplyParameterFromQuery(Name = "category")] public int? CategoryParameter { get; set; }
    [SupplyParameterFromQuery(Name = "q")] public string? SearchParameter { get; set; }
    [SupplyParameterFromQuery(Name = "sort")] public string? SortParameter { get; set; }
    [SupplyParameterFromQuery(Name = "dir")] public string? DirectionParameter { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public int? PageParameter { get; set; }
    [SupplyParameterFromQuery(Name = "size")] public int? SizeParameter { get; set; }
    [SupplyParameterFromQuery(Name = "report")] public string? ReportParameter { get; set; }
    [SupplyParameterFromQuery(Name = "slice")] public string? SliceParameter { get; set; }

    private Actor actor = default!;
    private QueueQuery query = new();
    private QueuePage? page;
    private QueueTable? table;
    private QueueFilterOptions options = new([], [], [], []);
    private readonly Dictionary<int, DateTime> changedAt = [];
    private readonly HashSet<int> changedSinceLoad = [];
    private string? pendingAnnouncement;
    private readonly HashSet<int> assigning = [];
    private readonly QueueSelection selection = new();
    private IDisposable? subscription;
    private ReloadThrottle? throttle;
    private readonly RenderShown shown = new();
    private string? message;
    private bool messageIsError;
    private IReadOnlyList<string>? messageDetails;
    private string announcement = "";
    private bool dense;

    protected override async Task OnInitializedAsync()
    {
        actor = Actor.From((await AuthenticationState).User);
        options = await Queues.GetFilterOptionsAsync(actor);
        // Only the live circuit listens; the prerendered copy is thrown away after the first response.
        if (RendererInfo.IsInteractive)
        {
            throttle = new ReloadThrottle(ReloadThrottle.LiveListWindow, () => InvokeAsync(ReloadChangedAsync));
            subscription = Events.Subscribe<IncidentEvent>(OnIncidentEventAsync);
        }
    }

    protected override void OnParametersSet() =>
        query = QueueUrl.Parse(ViewParameter, StatusParameter, PriorityParameter, TeamParameter, ServiceParameter, CategoryParameter,
            SearchParameter, SortParameter, DirectionParameter, PageParameter, SizeParameter, ReportParameter, SliceParameter);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        shown.Rendered();
        if (!firstRender) return;
        dense = await QueueDensity.IsDenseAsync(JS, actor);
        if (dense) StateHasChanged();
    }

    private async Task<QueuePage> LoadPageAsync(QueueQuery next, CancellationToken ct)
    {
        try
        {
            return await Queues.GetAsync(actor, next, ct);
        }
        catch (UnauthorizedAccessException refused) when (next.IsDrillDown)
        {
            // A People figure's list, opened by an agent: said plainly, and the list stays empty.
            (message, messageIsError, messageDetails) = (refused.Message, true, null);
            return new QueuePage([], 0, 0, new Dictionary<QueueView, int>());
        }
    }

    private async Task ReloadChangedAsync()
    {
        if (table is null) return;
        await table.ReloadAsync();
        HighlightChanged();
        _ = ClearHighlightsLaterAsync();
        await shown.RenderAsync(StateHasChanged);
    }

    /// <summary>Called on the publisher's thread: notes what changed and asks for a (throttled) reload.</summary>
    private Task OnIncidentEventAsync(IncidentEvent change)
    {
        lock (changedAt)
        {
            changedSinceLoad.Add(change.IncidentId);
            pendingAnnouncement = change is IncidentCreated ? $"{change.Reference} was reported." : $"{change.Reference} was updated by {change.ActorName}.";
        }
        throttle?.Request();
        return Task.CompletedTask;
    }

    /// <summary>The highlight starts when the changed rows are shown, so a slow reload does not eat into it.</summary>
    private void HighlightChanged()
    {
        lock (changedAt)
        {
            foreach (var id in changedSinceLoad) changedAt[id] = Now;
            changedSinceLoad.Clear();
            announcement = pendingAnnouncement ?? announcement;
            pendingAnnouncement = null;
        }
    }

    private async Task ClearHighlightsLaterAsync()
    {
        await Task.Delay(HighlightFor + TimeSpan.FromMilliseconds(200));
        lock (changedAt)
        {
            foreach (var id in changedAt.Where(c => Now - c.Value >= HighlightFor).Select(c => c.Key).ToList()) changedAt.Remove(id);
        }
        try { await InvokeAsync(StateHasChanged); }
        catch (ObjectDisposedException) { /* the page was left */ }
    }

    private bool IsHighlighted(int incidentId)
    {
        lock (changedAt) return changedAt.TryGetValue(incidentId, out var at) && Now - at < HighlightFor;
    }

    /// <summary>Every change of filter, sort or page goes through the address; the table loads what it says.</summary>
    private void Show(QueueQuery next)
    {
        if (next == query) return;
        // Never to the address already shown: any navigation closes the open dialogs (MudDialogProvider), and a
        // table load that settles on the page it asked for changes nothing the agent could see.
        var url = QueueUrl.For(next);
        if (Navigation.ToBaseRelativePath(Navigation.Uri) == url.TrimStart('/')) return;
        Navigation.NavigateTo(url, replace: true);
    }

    /// <summary>Another view is another address, so Back returns to the previous view.</summary>
    private void ShowView(QueueQuery next) => Navigation.NavigateTo(QueueUrl.For(next));

    private void ShowFiltered(QueueQuery next) => Show(next with { Skip = 0 });

    private void SortBy(QueueSort sort) => Show(query with
    {
        Sort = sort,
        Descending = query.Sort == sort ? !query.Descending : QueueUrl.DefaultDescending(sort),
        Skip = 0,
    });

    private async Task SetDensityAsync(bool value)
    {
        dense = value;
        await QueueDensity.RememberAsync(JS, actor, value);
    }

    private async Task AssignToMeAsync(IncidentRow row) => await AssignToMeAsync(row, null);

    private async Task AssignToMeAsync(IncidentRow row, int? teamId)
    {
        if (!assigning.Add(row.Id)) return;
        (message, messageDetails) = (null, null);
        int[]? askFor = null;
        try
        {
            await Queues.AssignToMeAsync(actor, row.Id, row.Version, teamId);
            (message, messageIsError) = ($"{row.Reference} is now assigned to you.", false);
        }
        catch (TeamChoiceRequiredException choice)
        {
            askFor = [.. choice.Teams.Select(t => t.Id)];
            if (await ChooseTeamDialog.AskAsync(Dialogs, choice.Teams, row.Reference) is { } team) teamId = team;
        }
        catch (Exception e) when (e is IncidentRuleException or IncidentNotFoundException or IncidentConflictException)
        {
            (message, messageIsError) = ($"{row.Reference} could not be assigned to you: {e.Message}", true);
        }
        finally
        {
            assigning.Remove(row.Id);
        }
        // Asked which team (defect 1): take it into the chosen one; cancelled: nothing changed.
        if (askFor is not null && teamId is { } chosen && askFor.Contains(chosen))
        {
            await AssignToMeAsync(row, chosen);
            return;
        }
        if (table is not null) await table.ReloadAsync();
    }

    private async Task OnBulkDoneAsync(BulkResult result)
    {
        (message, messageIsError, messageDetails) = (result.Message, result.IsError, result.Details);
        if (table is not null) await table.ReloadAsync();
    }

    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public void Dispose()
    {
        subscription?.Dispose();
        throttle?.Dispose();
    }
}

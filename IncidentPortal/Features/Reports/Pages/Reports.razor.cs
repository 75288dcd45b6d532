using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Time;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace IncidentPortal.Features.Reports.Pages;

/// <summary>
/// The Reports page: one filter (in the address: shareable, and Back undoes a change) over five sections on one page,
/// linked from a section bar. Each section loads on its own and shows as soon as it is in, so the first figures appear
/// while slower ones still load; the prerendered copy shows the skeletons and runs no query.
/// </summary>
public sealed partial class Reports : IDisposable
{
    private static readonly (string Id, string Name)[] AllSections =
        [("volume", "Volume"), ("speed", "Speed"), ("sla", "SLA"), ("quality", "Quality"), ("people", "People")];

    [Inject] private ReportsService Service { get; set; } = default!;
    [Inject] private QueueService Queues { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ViewerTime Viewer { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    // Read through ReportUrl from the whole address; named here so a change of any of them reaches OnParametersSet.
    [SupplyParameterFromQuery(Name = "range")] public string? RangeParameter { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public string? FromParameter { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? ToParameter { get; set; }
    [SupplyParameterFromQuery(Name = "tz")] public string? ZoneParameter { get; set; }
    [SupplyParameterFromQuery(Name = "team")] public string? TeamParameter { get; set; }
    [SupplyParameterFromQuery(Name = "service")] public string? ServiceParameter { get; set; }
    [SupplyParameterFromQuery(Name = "category")] public string? CategoryParameter { get; set; }
    [SupplyParameterFromQuery(Name = "priority")] public string? PriorityParameter { get; set; }
    [SupplyParameterFromQuery(Name = "source")] public string? SourceParameter { get; set; }

    private Actor actor = default!;
    private bool canSeePeople;
    private QueueFilterOptions names = new([], [], [], []);
    private ReportFilter? filter;
    private string query = "";
    private DateOnly today;
    private CancellationTokenSource? loading;

    private SectionLoad<VolumeReport> volume = new();
    private SectionLoad<SpeedReport> speed = new();
    private SectionLoad<SlaReport> sla = new();
    private SectionLoad<QualityReport> quality = new();
    private SectionLoad<PeopleReport> people = new();

    private IEnumerable<(string Id, string Name)> Sections => canSeePeople ? AllSections : AllSections.SkipLast(1);

    protected override async Task OnInitializedAsync()
    {
        actor = Actor.From((await AuthenticationState).User);
        canSeePeople = ReportsService.CanSeePeople(actor);
        names = await Queues.GetFilterOptionsAsync(actor);
    }

    protected override void OnParametersSet()
    {
        var uri = Navigation.ToAbsoluteUri(Navigation.Uri);
        var next = ReportUrl.Parse(uri.Query, Viewer.Zone.Id, Viewer.Now);
        today = ReportFilter.Today(Viewer.Now, next.Zone);
        if (next == filter) return;
        filter = next;
        query = ReportUrl.ToQuery(next);
        if (RendererInfo.IsInteractive) Load(next);
    }

    private void Load(ReportFilter current)
    {
        loading?.Cancel();
        loading?.Dispose();
        loading = new CancellationTokenSource();
        var ct = loading.Token;
        (volume, speed, sla, quality, people) = (new(), new(), new(), new(), new());
        Func<Task> changed = () => InvokeAsync(StateHasChanged);
        _ = volume.RunAsync(c => Service.VolumeAsync(actor, current, c), changed, ct);
        _ = speed.RunAsync(c => Service.SpeedAsync(actor, current, c), changed, ct);
        _ = sla.RunAsync(c => Service.SlaAsync(actor, current, c), changed, ct);
        _ = quality.RunAsync(c => Service.QualityAsync(actor, current, c), changed, ct);
        if (canSeePeople) _ = people.RunAsync(c => Service.PeopleAsync(actor, current, c), changed, ct);
    }

    /// <summary>A new range or filter is a new address (pushed, so Back returns to the previous one).</summary>
    private void Show(ReportFilter next) => Navigation.NavigateTo(ReportLinks.Page(next));

    public void Dispose()
    {
        loading?.Cancel();
        loading?.Dispose();
    }
}

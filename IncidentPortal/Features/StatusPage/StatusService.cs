using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Admin;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace IncidentPortal.Features.StatusPage;

/// <param name="Components">The affected components and how (ignored when resolving).</param>
/// <param name="ExpectedVersion">The public incident's version the manager saw; null for the first update.</param>
public sealed record PublishRequest(string Title, IncidentPhase Phase, string Message,
    IReadOnlyDictionary<int, ComponentStatus> Components, int? ExpectedVersion = null);

/// <summary>
/// The status page's write side: publishing updates from incidents, overrides and scheduled maintenance. Every
/// operation recomputes component statuses on a <see cref="StatusBoard"/>, records status history, lets every
/// <see cref="IStatusNoticeHook"/> add its work to the same unit of work, and announces <see cref="StatusPageChanged"/>
/// after commit. Only incident managers and admins may change what the public reads.
/// </summary>
public sealed partial class StatusService(IDbContextFactory<AppDbContext> dbFactory, IEventBus events, TimeProvider clock,
    IEnumerable<IStatusNoticeHook> noticeHooks)
{
    public const string TitleField = "Title";
    public const string MessageField = "Message";
    public const string PhaseField = "Phase";
    public const string ComponentsField = "Components";
    public const string StatusField = "Status";
    public const string ReasonField = "Reason";
    public const string WindowField = "Window";

    private readonly IStatusNoticeHook[] noticeHooks = noticeHooks.ToArray();

    public async Task<AdminResult> PublishUpdateAsync(Actor actor, int incidentId, PublishRequest request, CancellationToken ct = default)
    {
        RequireManager(actor);
        if (RequestProblem(request) is { } problem) return problem;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var incidentStatus = await db.Incidents.Where(i => i.Id == incidentId).Select(i => (IncidentStatus?)i.Status).SingleOrDefaultAsync(ct);
        if (incidentStatus is null) return AdminResult.Refused("That incident no longer exists.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var board = await StatusBoard.LoadAsync(db, ct);
        if (request.Components.Keys.Any(id => board.Components.All(c => c.Id != id)))
            return AdminResult.Invalid(ComponentsField, "A chosen component no longer exists; reload the page and choose again.");
        var now = Now;
        var publicIncident = await board.FindIncidentAsync(incidentId, ct);
        if (publicIncident is null)
        {
            if (request.Phase == IncidentPhase.Resolved)
                return AdminResult.Invalid(PhaseField, "Nothing to resolve: this incident has no public incident yet.");
            if (!IncidentLifecycle.IsOpen(incidentStatus.Value))
                return AdminResult.Refused("This incident is no longer open; reopen it to tell the public about it.");
            publicIncident = PublicIncident.Open(incidentId, request.Title, now);
            board.Add(publicIncident);
            if (await SaveAsync(db, ct) is { } clash) return clash;
        }
        else if (!publicIncident.IsOpen)
            return AdminResult.Refused("This public incident is resolved; reopen the incident to publish again.");
        else if (request.ExpectedVersion is { } expected && expected != publicIncident.Version)
            return Clash;

        var affectedBefore = publicIncident.Impacts.Select(i => i.ComponentId).ToList();
        publicIncident.Publish(request.Phase, request.Title, request.Message, request.Components, actor.UserId, now);
        board.Recompute(now);
        await RecordOnTimelineAsync(db, incidentId, publicIncident, request, board, actor, now, ct);
        var notice = new StatusNotice(StatusNoticeKind.IncidentUpdate, publicIncident.Title, request.Message.Trim(), request.Phase,
            affectedBefore.Union(request.Components.Keys).Order().ToList(), publicIncident.Id, null, now);
        return await CommitAsync(db, tx, [notice], publicIncident.Id, ct);
    }

    /// <summary>Overrides a component's status with a reason, or (status null) hands it back to the derived status.</summary>
    public async Task<AdminResult> OverrideAsync(Actor actor, int componentId, ComponentStatus? status, string? reason, CancellationToken ct = default)
    {
        RequireManager(actor);
        if (status is not null && string.IsNullOrWhiteSpace(reason))
            return AdminResult.Invalid(ReasonField, "Say why you override the status; the page history shows it.");
        if ((reason?.Trim().Length ?? 0) > StatusComponent.MaxReasonLength)
            return AdminResult.Invalid(ReasonField, $"Keep the reason under {StatusComponent.MaxReasonLength} characters.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var board = await StatusBoard.LoadAsync(db, ct);
        var component = board.Components.FirstOrDefault(c => c.Id == componentId);
        if (component is null) return AdminResult.Refused("That component no longer exists.");
        if (status is { } chosen) component.Override(chosen, reason!, actor.UserId, Now);
        else component.ClearOverride();
        board.Recompute(Now);
        return await CommitAsync(db, tx, [], componentId, ct);
    }

    private static AdminResult? RequestProblem(PublishRequest request)
    {
        var title = request.Title?.Trim() ?? "";
        if (title.Length == 0) return AdminResult.Invalid(TitleField, "Give the public incident a title the public will understand.");
        if (title.Length > PublicIncident.MaxTitleLength)
            return AdminResult.Invalid(TitleField, $"Keep the title under {PublicIncident.MaxTitleLength} characters.");
        var message = request.Message?.Trim() ?? "";
        if (message.Length == 0) return AdminResult.Invalid(MessageField, "Write the message the public will read.");
        if (message.Length > PublicIncident.MaxMessageLength)
            return AdminResult.Invalid(MessageField, $"Keep the message under {PublicIncident.MaxMessageLength} characters.");
        if (request.Phase == IncidentPhase.Resolved) return null;
        if (request.Components.Count == 0)
            return AdminResult.Invalid(ComponentsField, "Choose at least one affected component and how it is affected.");
        if (request.Components.Values.Any(s => s is ComponentStatus.Operational or ComponentStatus.UnderMaintenance))
            return AdminResult.Invalid(ComponentsField, "An affected component is degraded, partially or fully out; leave out the ones that are fine.");
        return null;
    }

    /// <summary>Lets the notice hooks add their work, saves, commits, then tells live pages and caches.</summary>
    private async Task<AdminResult> CommitAsync(AppDbContext db, IDbContextTransaction tx, IReadOnlyList<StatusNotice> notices, int? id,
        CancellationToken ct)
    {
        foreach (var notice in notices)
            foreach (var hook in noticeHooks) await hook.BeforeSaveAsync(db, notice, ct);
        if (await SaveAsync(db, ct) is { } clash) return clash;
        await tx.CommitAsync(ct);
        await events.PublishAsync(new StatusPageChanged(Now));
        return AdminResult.Done(id);
    }

    private static async Task<AdminResult?> SaveAsync(AppDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException)
        {
            // A concurrency token or the one-public-incident-per-incident index: someone else got there first.
            return Clash;
        }
    }

    private static readonly AdminResult Clash =
        AdminResult.Refused("Someone else changed the status page at the same time. Reload to see their change, then try again.");

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static bool CanManage(Actor actor) => actor.IsIncidentManager || actor.IsAdmin;

    internal static void RequireManager(Actor actor)
    {
        if (!CanManage(actor)) throw new UnauthorizedAccessException("Only incident managers and admins change the status page.");
    }
}

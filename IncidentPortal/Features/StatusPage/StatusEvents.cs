using IncidentPortal.Infrastructure.Data;

namespace IncidentPortal.Features.StatusPage;

/// <summary>Published after anything on the public page changed and was committed: caches evict, live viewers refresh.</summary>
public sealed record StatusPageChanged(DateTime At);

public enum StatusNoticeKind { IncidentUpdate, MaintenanceScheduled, MaintenanceStarted, MaintenanceCompleted, MaintenanceCancelled }

/// <summary>
/// What subscribers are told: only published, public text. <paramref name="ComponentIds"/> are the components it
/// concerns, so people subscribed to some components hear only about those.
/// </summary>
public sealed record StatusNotice(StatusNoticeKind Kind, string Title, string Message, IncidentPhase? Phase,
    IReadOnlyList<int> ComponentIds, int? PublicIncidentId, int? MaintenanceId, DateTime At);

/// <summary>
/// Work that must commit with a status-page change, such as queueing subscriber e-mails and webhooks in the outbox:
/// the publishing service calls every registered hook in its unit of work, just before saving.
/// </summary>
public interface IStatusNoticeHook
{
    Task BeforeSaveAsync(AppDbContext db, StatusNotice notice, CancellationToken ct);
}

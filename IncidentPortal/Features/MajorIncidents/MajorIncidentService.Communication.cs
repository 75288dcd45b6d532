using IncidentPortal.Features.Accounts;

namespace IncidentPortal.Features.MajorIncidents;

public sealed partial class MajorIncidentService
{
    /// <summary>
    /// Records that an update went out (status page, stakeholders): the war room log shows it, the measures count the
    /// first one, and the update rhythm starts again from now.
    /// </summary>
    public Task RecordCommunicationAsync(Actor actor, int majorId, string summary, CancellationToken ct = default) =>
        ChangeAsync(actor, majorId, null, (_, major, now) => Done(() => major.RecordCommunication(By(actor, now), summary)), manager: false, ct);
}

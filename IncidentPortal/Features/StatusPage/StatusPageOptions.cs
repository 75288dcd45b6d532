namespace IncidentPortal.Features.StatusPage;

public sealed class StatusPageOptions
{
    public const string Section = "StatusPage";

    /// <summary>How often the scheduler starts and ends due maintenance; a window moves at most this late.</summary>
    public int SchedulerSeconds { get; set; } = 15;

    /// <summary>A component whose status has not changed while an affecting incident is open this long is flagged stale.</summary>
    public int StaleAfterMinutes { get; set; } = 60;
}

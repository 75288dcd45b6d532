namespace IncidentPortal.Features.Incidents.Pages;

/// <summary>How incident facts read on the incident pages.</summary>
public static class IncidentFormat
{
    /// <summary>"40 min", "3 h 5 min", "2 d 4 h": a duration at the precision people care about.</summary>
    public static string Duration(TimeSpan span) => Time.TimeText.Duration(span < TimeSpan.Zero ? TimeSpan.Zero : span);

    /// <summary>What the status means for the person who reported the incident, in plain words.</summary>
    public static string ForReporter(IncidentStatus status, OnHoldReason? hold, int autoCloseDays) => status switch
    {
        IncidentStatus.New => "We have received your report. The service desk will look at it shortly.",
        IncidentStatus.Assigned => "A support team has picked up your incident and will start on it soon.",
        IncidentStatus.InProgress => "Someone is working on your incident right now.",
        IncidentStatus.OnHold => hold switch
        {
            OnHoldReason.AwaitingUser => "We are waiting for information from you. Please reply below so we can carry on.",
            OnHoldReason.AwaitingVendor => "We are waiting for a supplier to act. We will carry on as soon as they do.",
            OnHoldReason.AwaitingChange => "The fix needs a planned change to the system. We will carry on once it is done.",
            _ => "Work is paused for now. We will carry on as soon as we can.",
        },
        IncidentStatus.Resolved => autoCloseDays > 0
            ? $"We believe this is fixed. If it is not, reopen it below; otherwise it closes automatically after {Infrastructure.Text.Plural.Count(autoCloseDays, "day")}."
            : "We believe this is fixed. If it is not, reopen it below.",
        IncidentStatus.Closed => "This incident is closed. If the problem comes back, please report a new incident.",
        IncidentStatus.Cancelled => "This incident was cancelled and no further work will be done on it.",
        _ => "",
    };
}

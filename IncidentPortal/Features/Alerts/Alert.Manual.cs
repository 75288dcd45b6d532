namespace IncidentPortal.Features.Alerts;

/// <summary>An agent acknowledging or resolving an alert by hand (PagerDuty's buttons), beside what monitoring reports.</summary>
public partial class Alert
{
    /// <summary>"I am on it": only a triggered alert can be acknowledged; monitoring's repeats keep being counted on it.</summary>
    public void AcknowledgeByHand(DateTime now)
    {
        if (Status != AlertStatus.Triggered)
            throw new AlertRuleException(Status == AlertStatus.Acknowledged ? "This alert is already acknowledged." : "This alert is resolved.");
        (Status, AcknowledgedAt) = (AlertStatus.Acknowledged, now);
    }

    /// <summary>Closes an open alert; if monitoring reports the same key again, that opens a new alert.</summary>
    public void ResolveByHand(DateTime now)
    {
        if (Status == AlertStatus.Resolved) throw new AlertRuleException("This alert is already resolved.");
        (Status, ResolvedAt) = (AlertStatus.Resolved, now);
    }
}

public sealed class AlertRuleException(string message) : InvalidOperationException(message);

namespace IncidentPortal.Features.MajorIncidents;

/// <summary>The response's measures, shown on the major incident and kept for reports.</summary>
public sealed record MajorIncidentMeasures(
    TimeSpan? TimeToDeclare, TimeSpan? TimeToFirstCommunication, TimeSpan? TimeToMitigate, TimeSpan? TimeToResolve,
    int LinkedIncidents, int AffectedUsers, int RespondersEngaged)
{
    /// <param name="firstReportAt">The earliest report: the incident's own, or of any of its children.</param>
    /// <param name="reporterIds">Reporters of the incident and its children: the users known to be affected.</param>
    public static MajorIncidentMeasures Of(MajorIncident major, DateTime firstReportAt, int linkedIncidents, IEnumerable<string> reporterIds)
    {
        var declared = major.DeclaredAt;
        return new MajorIncidentMeasures(
            declared - firstReportAt,
            major.FirstCommunicationAt - declared,
            major.MitigatedAt - declared,
            major.ResolvedAt - declared,
            linkedIncidents,
            reporterIds.Distinct(StringComparer.Ordinal).Count(),
            major.Roles.Select(r => r.UserId).Distinct(StringComparer.Ordinal).Count());
    }
}

namespace IncidentPortal.Features.Reports.Pages;

/// <summary>
/// Where a section's table downloads from when the service offers it as CSV (Features/Reports' endpoints); null: the
/// card builds the CSV from the figures it shows (<see cref="ReportCsv"/>).
/// </summary>
public static class ReportCsvLinks
{
    public static string? For(string section, ReportFilter filter) => null;
}

namespace IncidentPortal.Features.Reports.Pages;

/// <summary>Where a section's tables download as CSV (rp-core's endpoints).</summary>
public static class ReportCsvLinks
{
    public static string? For(string section, ReportFilter filter) => null;
}

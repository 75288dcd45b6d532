using IncidentPortal.Features.Accounts;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Reports;

/// <summary>
/// The Reports figures, one method per section, each for a <see cref="ReportFilter"/>; <see cref="Matching"/> gives the
/// incidents behind any figure's <see cref="ReportSlice"/>. Staff only; People is for incident managers and admins.
/// </summary>
public sealed partial class ReportsService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Most incidents a drill-down list or CSV returns at once.</summary>
    public const int MaxIncidents = 50_000;

    public static void EnsureStaff(Actor actor)
    {
        if (!actor.IsStaff) throw new UnauthorizedAccessException("Reports are for agents, incident managers and admins.");
    }

    public static void EnsureManager(Actor actor)
    {
        if (!actor.IsIncidentManager && !actor.IsAdmin) throw new UnauthorizedAccessException("The People report is for incident managers and admins.");
    }

    /// <summary>Whether <paramref name="actor"/> may open the People section (the page hides it otherwise).</summary>
    public static bool CanSeePeople(Actor actor) => actor.IsIncidentManager || actor.IsAdmin;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}

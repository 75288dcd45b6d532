namespace IncidentPortal.Features.Admin;

public static class AdminLayout
{
    /// <summary>
    /// Below this width the admin grids drop their secondary columns (their values move under the name) and stack
    /// the row buttons, so a phone shows every row's name and actions without scrolling sideways.
    /// </summary>
    public const string NarrowQuery = "(max-width: 720px)";
}

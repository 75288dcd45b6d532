namespace IncidentPortal.Tests.E2E;

/// <summary>
/// App bugs the E2E tests found. Each is the Skip reason of a test that fails until the bug is fixed:
/// fix the app, then delete the Skip.
/// </summary>
internal static class KnownIssues
{
    public const string DarkModeToggleName =
        "App bug: RadzenAppearanceToggle drops aria-label (RadzenToggleButton renders its own AriaLabel parameter over it), " +
        "so the button is named by its title. Fix in MainLayout.razor: AriaLabel=\"Dark mode\" instead of aria-label=\"Dark mode\".";

    public const string GridColumnsCollapseOnPhones =
        "App bug: RadzenDataGrid columns without Width collapse to 0 px when the fixed-width columns fill a phone screen " +
        "(users: Name, Email). Fix: give those columns MinWidth (e.g. MinWidth=\"180px\") so the grid scrolls instead.";
}

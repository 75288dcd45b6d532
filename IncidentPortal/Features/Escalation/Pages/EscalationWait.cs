namespace IncidentPortal.Features.Escalation.Pages;

/// <summary>Step waits as the admin reads and writes them: an amount in seconds, minutes or hours.</summary>
public static class EscalationWait
{
    public static readonly (string Unit, int Seconds)[] Units = [("seconds", 1), ("minutes", 60), ("hours", 3600)];

    public static string Describe(int seconds) => seconds switch
    {
        _ when seconds % 3600 == 0 => Plural(seconds / 3600, "hour"),
        _ when seconds % 60 == 0 => Plural(seconds / 60, "minute"),
        _ => Plural(seconds, "second"),
    };

    /// <summary>The largest unit that expresses <paramref name="seconds"/> exactly.</summary>
    public static (int Amount, int UnitSeconds) Split(int seconds) =>
        Units.Reverse().Where(u => seconds % u.Seconds == 0).Select(u => (seconds / u.Seconds, u.Seconds)).First();

    private static string Plural(int n, string unit) => Infrastructure.Text.Plural.Count(n, unit);
}

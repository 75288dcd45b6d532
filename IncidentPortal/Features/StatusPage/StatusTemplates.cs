namespace IncidentPortal.Features.StatusPage;

/// <summary>Starting points for the public message, one per phase, in the plain words status pages use.</summary>
public static class StatusTemplates
{
    public static string For(IncidentPhase phase, IReadOnlyCollection<string> components)
    {
        var what = components.Count == 0 ? "some of our services" : string.Join(", ", components);
        return phase switch
        {
            IncidentPhase.Investigating => $"We are investigating reports of problems with {what}. We will post an update as soon as we know more.",
            IncidentPhase.Identified => $"We have identified the cause of the problems with {what} and are working on a fix.",
            IncidentPhase.Monitoring => $"A fix has been put in place for {what}. We are monitoring the results.",
            _ => "This incident has been resolved. Thank you for your patience.",
        };
    }

    public static string Label(IncidentPhase phase) => phase.ToString();

    /// <summary>
    /// The first title offered: the public component names ("Problems with Online store and Payments"), never the
    /// internal service name; empty until a component is chosen.
    /// </summary>
    public static string DefaultTitle(IReadOnlyList<string> components) => components.Count switch
    {
        0 => "",
        1 => $"Problems with {components[0]}",
        _ => $"Problems with {string.Join(", ", components.Take(components.Count - 1))} and {components[^1]}",
    };
}

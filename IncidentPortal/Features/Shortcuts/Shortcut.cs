namespace IncidentPortal.Features.Shortcuts;

/// <summary>One line of the shortcut sheet.</summary>
public sealed record Shortcut(string[] Keys, string Action);

/// <summary>The sheet's contents, grouped by where the keys work. shortcuts.js carries them out.</summary>
public static class Shortcuts
{
    public static readonly IReadOnlyList<(string Where, IReadOnlyList<Shortcut> Keys)> Groups =
    [
        ("Everywhere", [
            new(["?"], "Show this sheet"),
            new(["/"], "Search (the queue's search box)"),
            new(["Esc"], "Close the dialog or panel"),
        ]),
        ("Queue", [
            new(["j"], "Next incident"),
            new(["k"], "Previous incident"),
            new(["Enter"], "Open the incident"),
            new(["a"], "Assign the incident to me"),
        ]),
        ("Incident", [
            new(["r"], "Write a public reply"),
            new(["n"], "Write an internal work note"),
            new(["e"], "Escalate"),
        ]),
        ("Writing", [
            new(["Ctrl", "Enter"], "Post the comment or note"),
            new(["@"], "Mention a colleague (work notes and review comments)"),
        ]),
    ];
}

using System.Globalization;

namespace IncidentPortal.Features.DemoData;

/// <summary>Varied, plausible titles and descriptions, so text search meets a realistic spread of words.</summary>
internal static class BulkIncidentText
{
    private static readonly string[] Titles =
    [
        "{0} is very slow", "Cannot log in to {0}", "{0} shows error {1}", "{0} times out", "{0} unavailable for the whole team",
        "{0} keeps disconnecting", "Password not accepted by {0}", "{0} page is blank", "{0} crashes on start", "Data missing in {0}",
        "{0} sync stuck", "{0} certificate warning", "{0} rejects my upload", "Cannot print from {0}", "{0} menu items greyed out",
        "{0} login loops back to the start", "{0} very slow after the update", "{0} notifications not arriving", "{0} access denied",
        "Duplicate records in {0}",
    ];

    private static readonly string[] Openings =
    [
        "Since this morning", "Since yesterday afternoon", "After the last update", "Since I came back from leave",
        "Every day around noon", "Intermittently for a week", "Since moving desks", "After changing my password",
    ];

    private static readonly string[] Symptoms =
    [
        "the screen freezes for a minute", "I get a spinning wheel and then a timeout", "the page reloads and loses my work",
        "colleagues see the same problem", "it works on my phone but not on the laptop", "a restart did not help",
        "the error mentions a proxy", "it asks for my credentials again and again", "the export file is empty",
        "the numbers do not match the report", "it says my licence has expired", "the printer queue shows it as stuck",
    ];

    private static readonly string[] Places =
    [
        "Berlin office, floor 3", "London office, 2nd floor", "working from home", "Madrid warehouse", "the Paris showroom",
        "the call centre", "meeting room Orion", "the Lisbon branch", "on the train with my hotspot", "the reception desk",
    ];

    private static readonly string[] Devices =
    [
        "Dell Latitude 7440", "ThinkPad T14", "MacBook Air", "Surface Pro 9", "HP EliteBook 840", "a shared kiosk PC", "my iPhone", "a Pixel 8",
    ];

    public static (string Title, string Description) Make(Random random, string service)
    {
        var code = $"ERR-{random.Next(1000, 9999)}";
        var title = string.Format(CultureInfo.InvariantCulture, Titles[random.Next(Titles.Length)], service, code);
        var description = $"{Openings[random.Next(Openings.Length)]} {Symptoms[random.Next(Symptoms.Length)]} when I use {service}. "
            + $"Location: {Places[random.Next(Places.Length)]}. Device: {Devices[random.Next(Devices.Length)]}. "
            + $"Reference from the error dialog: {code}-{random.Next(100000, 999999)}. "
            + (random.Next(3) == 0 ? "This blocks the month-end close, please treat it as urgent." : "I can work around it for now.");
        return (title, description);
    }
}

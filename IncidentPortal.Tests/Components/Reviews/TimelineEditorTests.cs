using Bunit;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Reviews.Pages;
using IncidentPortal.Features.Time;
using IncidentPortal.Tests.Components.Support;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Components.Reviews;

/// <summary>The review timeline's rows for a reviewer in Paris: times read and typed in Paris, written to the Markdown in UTC.</summary>
public sealed class TimelineEditorTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    [Fact]
    public async Task A_reviewer_in_paris_reads_and_types_paris_time_and_the_markdown_keeps_utc()
    {
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var incident = await host.ReportAsync(await host.ActorAsync(DemoEmails.Reporter), $"Timeline zone {Guid.NewGuid():N}");
        await using var ctx = PortalComponents.Create(host, manager);
        ctx.Services.GetRequiredService<ViewerTime>().Use("Europe/Paris");
        var written = new List<string>();
        var editor = ctx.Render<TimelineEditor>(p => p.Add(e => e.Body, "- **2026-12-08 19:00 UTC** — Uplink flaps").Add(e => e.IncidentId, incident.Id)
            .Add(e => e.Actor, manager).Add(e => e.Changed, text => written.Add(text)));

        var time = editor.FieldLabelled("Entry 1 time (Europe/Paris)");
        Assert.Equal("2026-12-08T20:00", time.GetAttribute("value"));

        time.Change("2026-12-08T21:15");
        Assert.Equal("- **2026-12-08 20:15 UTC** — Uplink flaps", written[^1]);
        editor.WaitForAssertion(() => Assert.Equal("UTC+1, that is Tue 8 Dec 2026, 20:15 UTC", HelperAt(editor, "Entry 1 time (Europe/Paris)")));

        // A time the clocks skip: a message at the field and the timeline keeps what it had.
        editor.FieldLabelled("Entry 1 time (Europe/Paris)").Change("2027-03-28T02:30");
        editor.WaitForAssertion(() => Assert.Equal("02:30 does not exist on Sun 28 Mar 2027 in Europe/Paris: the clocks go forward. Choose 03:00 or later.",
            HelperAt(editor, "Entry 1 time (Europe/Paris)")));
        Assert.Equal("true", editor.FieldLabelled("Entry 1 time (Europe/Paris)").GetAttribute("aria-invalid"));
        Assert.Single(written);

        // One the clocks pass twice: the first occurrence, said under the field.
        editor.FieldLabelled("Entry 1 time (Europe/Paris)").Change("2027-10-31T02:30");
        Assert.Equal("- **2027-10-31 00:30 UTC** — Uplink flaps", written[^1]);
        editor.WaitForAssertion(() => Assert.Equal("02:30 happens twice on Sun 31 Oct 2027 (the clocks go back); the first one (UTC+2) is used.",
            HelperAt(editor, "Entry 1 time (Europe/Paris)")));
    }

    private static string? HelperAt(IRenderedComponent<TimelineEditor> editor, string label) =>
        editor.FieldLabelled(label).Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text")?.TextContent.Trim();
}

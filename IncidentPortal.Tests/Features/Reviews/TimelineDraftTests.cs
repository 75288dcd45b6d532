using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Reviews;

namespace IncidentPortal.Tests.Features.Reviews;

/// <summary>Drafting a review's timeline from a given activity log, and reading it back from its Markdown.</summary>
public sealed class TimelineDraftTests
{
    private static readonly DateTime T0 = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    private static ActivityLogEntry Entry(int minute, ActivityKind kind, string? field = null, string? oldValue = null, string? newValue = null,
        string? text = null, string actor = "Alex Agent", bool isPublic = false) =>
        new(T0.AddMinutes(minute), kind, field, oldValue, newValue, text, actor, isPublic);

    private static readonly ActivityLogEntry[] Log =
    [
        // Out of order on purpose: the draft is by time, not by input order.
        Entry(30, ActivityKind.Event, "Escalation", text: "Escalated to level 2: paged Network on-call", actor: "System"),
        Entry(0, ActivityKind.Created, text: "Reported through the portal", actor: "Riley Reporter", isPublic: true),
        Entry(1, ActivityKind.FieldChanged, "Team", null, "Network", "Routed to the team that supports the service", "System"),
        Entry(5, ActivityKind.FieldChanged, "Assignee", null, "Alex Agent"),
        Entry(5, ActivityKind.StatusChanged, "Status", "New", "InProgress"),
        Entry(6, ActivityKind.FieldChanged, "Assignee", "Alex Agent", "Dana Database", actor: "Morgan Manager"),
        Entry(6, ActivityKind.FieldChanged, "Title", "VPN", "VPN down for everyone"),
        Entry(7, ActivityKind.FieldChanged, "Priority", "P3", "P1"),
        Entry(12, ActivityKind.WorkNote, text: "Core switch CPU at 100%,\nlooks like a loop"),
        Entry(20, ActivityKind.PublicComment, text: "We are working on it.", isPublic: true),
        Entry(25, ActivityKind.Event, "SLA", text: "Response target breached", actor: "System"),
        Entry(40, ActivityKind.Event, "Status page", text: "Posted: VPN degraded", actor: "System", isPublic: true),
        Entry(55, ActivityKind.StatusChanged, "Status", "InProgress", "Resolved", "Removed the looping cable"),
    ];

    [Fact]
    public void Status_changes_assignments_escalations_and_public_updates_are_kept_in_time_order()
    {
        var draft = TimelineDraft.From(Log);

        var kept = draft.Where(d => d.Keep).Select(d => (d.At.Minute, d.Text)).ToList();
        Assert.Equal(
        [
            (0, "Incident reported by Riley Reporter"),
            (1, "Routed to team Network: Routed to the team that supports the service"),
            (5, "Alex Agent took the incident"),
            (5, "Status New → In progress (Alex Agent)"),
            (6, "Assigned to Dana Database by Morgan Manager"),
            (7, "Priority P3 → P1 (Alex Agent)"),
            (20, "Update to the reporter from Alex Agent: We are working on it."),
            (30, "Escalation: Escalated to level 2: paged Network on-call"),
            (40, "Public update: Posted: VPN degraded"),
            (55, "Status In progress → Resolved: Removed the looping cable (Alex Agent)"),
        ], kept);
    }

    [Fact]
    public void Work_notes_and_other_events_are_offered_not_kept_and_title_edits_are_left_out()
    {
        var draft = TimelineDraft.From(Log);

        var offered = draft.Where(d => !d.Keep).Select(d => d.Text).ToList();
        Assert.Equal(["Note by Alex Agent: Core switch CPU at 100%, looks like a loop", "SLA: Response target breached"], offered);
        Assert.DoesNotContain(draft, d => d.Text.Contains("VPN down for everyone"));
    }

    [Fact]
    public void Long_texts_are_shortened_to_one_line()
    {
        var draft = TimelineDraft.From([Entry(0, ActivityKind.PublicComment, text: new string('x', 500), isPublic: true)]);
        var text = Assert.Single(draft).Text;
        Assert.EndsWith("…", text);
        Assert.True(text.Length < 220, text);
    }

    [Fact]
    public void The_drafted_timeline_round_trips_through_its_Markdown_and_entries_without_time_survive()
    {
        var entries = TimelineDraft.From(Log).Where(d => d.Keep).Select(d => new ReviewTimelineEntry(d.At, d.Text)).ToList();
        var markdown = TimelineMarkdown.Format([.. entries, new ReviewTimelineEntry(null, "Customer called the CEO")]);

        Assert.StartsWith("- **2026-11-23 09:00 UTC** — Incident reported by Riley Reporter\n", markdown);
        var parsed = TimelineMarkdown.Parse(markdown);
        Assert.Equal([.. entries, new ReviewTimelineEntry(null, "Customer called the CEO")], parsed);
        Assert.True(TimelineMarkdown.Contains(parsed, TimelineDraft.From(Log)[0]));
        Assert.False(TimelineMarkdown.Contains(parsed, TimelineDraft.From(Log).First(d => !d.Keep)));
    }
}

using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Incidents.Pages;

namespace IncidentPortal.Tests.Features.Incidents.Pages;

public sealed class LiveNoticeTests
{
    private static readonly DateTime At = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    private static TimelineEntry Entry(long id, string actor, ActivityKind kind, string summary, bool isPublic = true) =>
        new(id, At, actor, kind, summary, kind is ActivityKind.PublicComment or ActivityKind.WorkNote ? summary : null, isPublic);

    [Fact]
    public void Says_who_changed_what()
    {
        var before = new[] { Entry(1, "Riley Reporter", ActivityKind.Created, "Reported through the portal") };
        var after = before.Append(Entry(2, "Alex Agent", ActivityKind.StatusChanged, "Status: New → Assigned")).ToList();

        Assert.Equal("Alex Agent changed Status: New → Assigned", LiveNotice.Describe(before, after));
    }

    [Fact]
    public void Joins_one_persons_changes_and_separates_people()
    {
        var entries = new[]
        {
            Entry(5, "Alex Agent", ActivityKind.FieldChanged, "Team: (none) → Network"),
            Entry(6, "Alex Agent", ActivityKind.StatusChanged, "Status: New → Assigned"),
            Entry(7, "Alex Agent", ActivityKind.PublicComment, "On it"),
            Entry(8, "Morgan Manager", ActivityKind.WorkNote, "Watch this one", isPublic: false),
        };

        Assert.Equal("Alex Agent changed Team: (none) → Network; Status: New → Assigned and added a comment. Morgan Manager added a work note",
            LiveNotice.Describe(entries));
    }

    [Fact]
    public void Nothing_new_means_no_notice()
    {
        var entries = new[] { Entry(1, "Riley Reporter", ActivityKind.Created, "Reported") };

        Assert.Null(LiveNotice.Describe(entries, entries));
    }
}

using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Incidents.Pages;

namespace IncidentPortal.Tests.Features.Incidents.Pages;

public sealed class TimelineTests
{
    [Fact]
    public void Groups_one_persons_simultaneous_changes_newest_first_and_keeps_comments_apart()
    {
        var t0 = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
        TimelineEntry E(long id, string actor, ActivityKind kind, int minute) => new(id, t0.AddMinutes(minute), actor, kind, $"#{id}", null, true);
        var entries = new[]
        {
            E(1, "Riley", ActivityKind.Created, 0),
            E(2, "Alex", ActivityKind.FieldChanged, 5), E(3, "Alex", ActivityKind.FieldChanged, 5), E(4, "Alex", ActivityKind.StatusChanged, 5),
            E(5, "Alex", ActivityKind.PublicComment, 5),
            E(6, "Alex", ActivityKind.StatusChanged, 9),
        };

        var groups = Timeline.Groups(entries).Select(g => g.Select(e => e.Id).ToArray()).ToList();

        Assert.Equal([[6], [5], [2, 3, 4], [1]], groups);
    }
}

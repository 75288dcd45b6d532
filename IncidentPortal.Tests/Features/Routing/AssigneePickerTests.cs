using IncidentPortal.Features.Routing;

namespace IncidentPortal.Tests.Features.Routing;

public class AssigneePickerTests
{
    private static readonly AssignmentCandidate Alex = new("a-1", "Alex", IsAvailable: true, OpenWork: 3);
    private static readonly AssignmentCandidate Dana = new("b-2", "Dana", IsAvailable: true, OpenWork: 1);
    private static readonly AssignmentCandidate Jo = new("c-3", "Jo", IsAvailable: false, OpenWork: 0);
    private static readonly AssignmentCandidate Sam = new("d-4", "Sam", IsAvailable: true, OpenWork: 1);

    [Fact]
    public void Round_robin_rotates_through_the_available_members_and_wraps()
    {
        AssignmentCandidate[] team = [Sam, Jo, Alex, Dana];
        var picks = new List<string>();
        string? last = null;
        for (var i = 0; i < 7; i++)
        {
            last = AssigneePicker.RoundRobin(team, last)!.UserId;
            picks.Add(last);
        }
        Assert.Equal(["a-1", "b-2", "d-4", "a-1", "b-2", "d-4", "a-1"], picks);
    }

    [Fact]
    public void Round_robin_passes_the_turn_on_when_the_last_pick_left_or_became_unavailable()
    {
        Assert.Equal("d-4", AssigneePicker.RoundRobin([Alex, Sam], lastAssigneeId: "b-2")!.UserId);
        Assert.Equal("d-4", AssigneePicker.RoundRobin([Alex, Dana with { IsAvailable = false }, Sam], "a-1")!.UserId);
        Assert.Equal("a-1", AssigneePicker.RoundRobin([Alex, Dana], "zz-gone")!.UserId);
    }

    [Fact]
    public void Least_open_work_picks_the_least_loaded_available_member_and_breaks_ties_by_name()
    {
        Assert.Equal("Dana", AssigneePicker.LeastOpenWork([Alex, Sam, Dana, Jo])!.Name);
        Assert.Equal("Sam", AssigneePicker.LeastOpenWork([Alex, Sam, Jo])!.Name);
        Assert.Equal("Alex", AssigneePicker.LeastOpenWork([Alex, Dana with { OpenWork = 5 }])!.Name);
    }

    [Fact]
    public void Unavailable_members_are_never_picked_and_nobody_available_means_no_pick()
    {
        Assert.Null(AssigneePicker.RoundRobin([Jo], null));
        Assert.Null(AssigneePicker.LeastOpenWork([Jo, Alex with { IsAvailable = false }]));
        Assert.Null(AssigneePicker.RoundRobin([], "a-1"));
    }
}

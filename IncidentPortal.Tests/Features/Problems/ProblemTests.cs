using IncidentPortal.Features.Problems;

namespace IncidentPortal.Tests.Features.Problems;

/// <summary>The problem's lifecycle (Open → Known error → Resolved, reopen) and its incident links.</summary>
public sealed class ProblemTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 15, 30, 0, DateTimeKind.Utc);

    private static Problem Open() => Problem.Create(new ProblemInput(" Replica lag under batch load ", null, null, null), "im", Now);

    [Fact]
    public void A_new_problem_is_open_with_a_trimmed_title_and_a_title_is_required()
    {
        var problem = Open();
        Assert.Equal(("Replica lag under batch load", ProblemStatus.Open), (problem.Title, problem.Status));
        Assert.Equal("Title", Assert.Throws<ProblemRuleException>(() => Problem.Create(new ProblemInput(" ", null, null, null), "im", Now)).Field);
    }

    [Fact]
    public void A_known_error_needs_its_root_cause_written_down()
    {
        var problem = Open();
        var refused = Assert.Throws<ProblemRuleException>(() => problem.MoveTo(ProblemStatus.KnownError, Now));
        Assert.Equal("KnownError", refused.Field);
        Assert.Equal(ProblemStatus.Open, problem.Status);

        problem.Edit(new ProblemInput(problem.Title, null, "Batch job holds a long transaction.", "Run it at night."), Now);
        problem.MoveTo(ProblemStatus.KnownError, Now);
        Assert.Equal(ProblemStatus.KnownError, problem.Status);
        // ...and keeps it while it is a known error.
        Assert.Throws<ProblemRuleException>(() => problem.Edit(new ProblemInput(problem.Title, null, "", null), Now));
    }

    [Fact]
    public void A_known_error_is_still_open_so_it_offers_Resolve_and_never_Reopen()
    {
        var problem = Open();
        problem.Edit(new ProblemInput(problem.Title, null, "Batch job holds a long transaction.", null), Now);
        problem.MoveTo(ProblemStatus.KnownError, Now);

        Assert.Equal([ProblemStatus.Resolved], Problem.Moves(ProblemStatus.KnownError));
        Assert.Throws<ProblemRuleException>(() => problem.MoveTo(ProblemStatus.Open, Now));
        Assert.Equal(ProblemStatus.KnownError, problem.Status);
        problem.MoveTo(ProblemStatus.Resolved, Now);
        // Once resolved it can be reopened.
        Assert.Equal([ProblemStatus.Open], Problem.Moves(ProblemStatus.Resolved));
    }

    [Fact]
    public void Resolving_stamps_the_time_reopening_clears_it_and_illegal_moves_are_refused()
    {
        var problem = Open();
        problem.MoveTo(ProblemStatus.Resolved, Now.AddDays(1));
        Assert.Equal(Now.AddDays(1), problem.ResolvedAt);
        Assert.Throws<ProblemRuleException>(() => problem.MoveTo(ProblemStatus.KnownError, Now));
        Assert.Throws<ProblemRuleException>(() => problem.MoveTo(ProblemStatus.Resolved, Now));

        problem.MoveTo(ProblemStatus.Open, Now.AddDays(2));
        Assert.Equal((ProblemStatus.Open, (DateTime?)null), (problem.Status, problem.ResolvedAt));
        Assert.Equal([ProblemStatus.KnownError, ProblemStatus.Resolved], Problem.Moves(ProblemStatus.Open));
    }

    [Fact]
    public void An_incident_is_linked_once_and_can_be_unlinked()
    {
        var problem = Open();
        problem.Link(7, "im", Now);
        Assert.Throws<ProblemRuleException>(() => problem.Link(7, "im", Now));
        problem.Link(8, "im", Now);
        Assert.Equal([7, 8], problem.Incidents.Select(l => l.IncidentId));
        problem.Unlink(7, Now);
        Assert.Equal([8], problem.Incidents.Select(l => l.IncidentId));
        Assert.Throws<ProblemRuleException>(() => problem.Unlink(7, Now));
    }
}

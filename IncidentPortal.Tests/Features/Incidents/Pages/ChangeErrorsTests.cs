using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Incidents.Pages;

namespace IncidentPortal.Tests.Features.Incidents.Pages;

public sealed class ChangeErrorsTests
{
    [Fact]
    public void Refusals_become_messages_and_bugs_do_not()
    {
        Assert.Equal("Resolution notes are required.", ChangeErrors.MessageFor(new IncidentRuleException("Resolution notes are required.")));
        Assert.Contains("try again", ChangeErrors.MessageFor(new IncidentConflictException([])));
        Assert.Contains("no longer available", ChangeErrors.MessageFor(new IncidentNotFoundException()));
        Assert.Null(ChangeErrors.MessageFor(new InvalidOperationException("A bug.")));
    }
}

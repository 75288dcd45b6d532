using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Tests.Features.Incidents;

public class PriorityMatrixTests
{
    public static TheoryData<Impact, Urgency, Priority> ItilCells => new()
    {
        { Impact.High, Urgency.High, Priority.P1 },
        { Impact.High, Urgency.Medium, Priority.P2 },
        { Impact.High, Urgency.Low, Priority.P3 },
        { Impact.Medium, Urgency.High, Priority.P2 },
        { Impact.Medium, Urgency.Medium, Priority.P3 },
        { Impact.Medium, Urgency.Low, Priority.P4 },
        { Impact.Low, Urgency.High, Priority.P3 },
        { Impact.Low, Urgency.Medium, Priority.P4 },
        { Impact.Low, Urgency.Low, Priority.P5 },
    };

    [Theory]
    [MemberData(nameof(ItilCells))]
    public void ItilDefault_gives_the_ITIL_priority_for_each_impact_and_urgency(Impact impact, Urgency urgency, Priority expected)
    {
        Assert.Equal(expected, PriorityMatrix.ItilDefault.PriorityFor(impact, urgency));
    }
}

using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Tests.Features.Incidents;

public class PriorityMatrixTests
{
    [Theory]
    [InlineData(Impact.High, Urgency.High, Priority.P1)]
    [InlineData(Impact.High, Urgency.Medium, Priority.P2)]
    [InlineData(Impact.High, Urgency.Low, Priority.P3)]
    [InlineData(Impact.Medium, Urgency.High, Priority.P2)]
    [InlineData(Impact.Medium, Urgency.Medium, Priority.P3)]
    [InlineData(Impact.Medium, Urgency.Low, Priority.P4)]
    [InlineData(Impact.Low, Urgency.High, Priority.P3)]
    [InlineData(Impact.Low, Urgency.Medium, Priority.P4)]
    [InlineData(Impact.Low, Urgency.Low, Priority.P5)]
    public void The_ITIL_default(Impact impact, Urgency urgency, Priority expected) =>
        Assert.Equal(expected, PriorityMatrix.ItilDefault.PriorityFor(impact, urgency));

    [Fact]
    public void Stored_cells_replace_the_default_and_the_rest_stays()
    {
        var matrix = PriorityMatrix.From([new PriorityMatrixCell { Impact = Impact.Low, Urgency = Urgency.High, Priority = Priority.P1 }]);
        Assert.Equal(Priority.P1, matrix.PriorityFor(Impact.Low, Urgency.High));
        Assert.Equal(Priority.P5, matrix.PriorityFor(Impact.Low, Urgency.Low));
        Assert.Equal(9, matrix.Cells.Count());
    }
}

namespace IncidentPortal.Features.Incidents;

/// <summary>Impact × urgency → priority. The ITIL default: both High is P1, both Low is P5.</summary>
public sealed class PriorityMatrix
{
    private readonly Priority[,] cells;

    private PriorityMatrix(Priority[,] cells) => this.cells = cells;

    // Rows are impact, columns urgency, both ordered High, Medium, Low.
    public static PriorityMatrix ItilDefault { get; } = new(new[,]
    {
        { Priority.P1, Priority.P2, Priority.P3 },
        { Priority.P2, Priority.P3, Priority.P4 },
        { Priority.P3, Priority.P4, Priority.P5 },
    });

    public Priority PriorityFor(Impact impact, Urgency urgency) => cells[(int)impact - 1, (int)urgency - 1];
}

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

    /// <summary>The admin's matrix; any cell not stored keeps the ITIL default.</summary>
    public static PriorityMatrix From(IEnumerable<PriorityMatrixCell> stored)
    {
        var copy = (Priority[,])ItilDefault.cells.Clone();
        foreach (var cell in stored) copy[(int)cell.Impact - 1, (int)cell.Urgency - 1] = cell.Priority;
        return new PriorityMatrix(copy);
    }

    public Priority PriorityFor(Impact impact, Urgency urgency) => cells[(int)impact - 1, (int)urgency - 1];

    public IEnumerable<PriorityMatrixCell> Cells =>
        from impact in Enum.GetValues<Impact>()
        from urgency in Enum.GetValues<Urgency>()
        select new PriorityMatrixCell { Impact = impact, Urgency = urgency, Priority = PriorityFor(impact, urgency) };
}

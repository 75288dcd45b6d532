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

    /// <summary>
    /// The cells of a complete matrix: every impact × urgency pair exactly once, with a defined priority.
    /// Anything else is a programming error (the admin page always sends all nine), so it throws.
    /// </summary>
    public static IReadOnlyList<PriorityMatrixCell> Validate(IEnumerable<PriorityMatrixCell> cells)
    {
        var list = cells.ToList();
        if (list.Any(c => !Enum.IsDefined(c.Impact) || !Enum.IsDefined(c.Urgency) || !Enum.IsDefined(c.Priority)))
            throw new ArgumentException("A cell has an unknown impact, urgency or priority.", nameof(cells));
        var pairs = list.Select(c => (c.Impact, c.Urgency)).ToHashSet();
        if (list.Count != Enum.GetValues<Impact>().Length * Enum.GetValues<Urgency>().Length || pairs.Count != list.Count)
            throw new ArgumentException("The matrix needs exactly one priority for every impact × urgency pair.", nameof(cells));
        return list;
    }
}

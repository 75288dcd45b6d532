namespace IncidentPortal.Features.Incidents.Pages;

/// <summary>
/// The queue rows an agent has ticked, for bulk actions. Rows on the page shown can be ticked: after each load the
/// selection keeps just those still there. With every row of the page ticked, "Select all matching" takes every
/// incident the view and filters match (<see cref="AllMatching"/>) until the query changes or a box is unticked.
/// Shift-click ticks or unticks the range from the last row clicked.
/// </summary>
public sealed partial class QueueSelection
{
    private readonly HashSet<int> selected = [];
    private List<int> rows = [];
    private int? anchor;

    /// <summary>Raised after every change, so the action bar and the table redraw.</summary>
    public event Action? Changed;

    public int Count => AllMatching ? Math.Max(MatchingTotal, selected.Count) : selected.Count;
    public bool Any => Count > 0;
    /// <summary>The selected ids in the order the rows are shown.</summary>
    public IReadOnlyList<int> Ids => [.. rows.Where(selected.Contains)];
    public bool IsSelected(int id) => selected.Contains(id);
    public bool AllOnPage => rows.Count > 0 && rows.All(selected.Contains);
    public bool SomeOnPage => rows.Any(selected.Contains) && !AllOnPage;

    /// <summary>The rows now shown, in order; the selection keeps only those.</summary>
    public void ShowRows(IEnumerable<int> ids)
    {
        rows = [.. ids];
        var before = selected.Count;
        selected.IntersectWith(rows);
        if (anchor is { } a && !rows.Contains(a)) anchor = null;
        if (selected.Count != before) Changed?.Invoke();
    }

    /// <summary>A row's box was clicked; with <paramref name="range"/> (shift) every row from the last click takes its new state.</summary>
    public void Toggle(int id, bool range = false)
    {
        AllMatching = false;
        var select = !selected.Contains(id);
        var from = anchor is { } a ? IndexOf(a) : -1;
        var to = IndexOf(id);
        if (range && from >= 0 && to >= 0)
        {
            foreach (var row in rows.Skip(Math.Min(from, to)).Take(Math.Abs(to - from) + 1)) Set(row, select);
        }
        else
        {
            Set(id, select);
        }
        anchor = id;
        Changed?.Invoke();
    }

    /// <summary>The header box: selects every row on the page, or clears them when all were selected.</summary>
    public void ToggleAllOnPage()
    {
        AllMatching = false;
        var select = !AllOnPage;
        foreach (var row in rows) Set(row, select);
        Changed?.Invoke();
    }

    public void Clear()
    {
        AllMatching = false;
        if (selected.Count == 0) return;
        selected.Clear();
        anchor = null;
        Changed?.Invoke();
    }

    private int IndexOf(int id) => rows.IndexOf(id);

    private void Set(int id, bool select)
    {
        if (select) selected.Add(id);
        else selected.Remove(id);
    }
}

/// <summary>What a bulk action tells the agent afterwards.</summary>
/// <param name="Details">Each incident that could not be changed, and why.</param>
public sealed record BulkResult(string Message, bool IsError, IReadOnlyList<string>? Details = null);

namespace IncidentPortal.Features.Incidents.Pages;

/// <summary>
/// The queue rows an agent has ticked, for bulk actions (linking to a major incident, and more to come). Only rows on
/// the page shown can be selected: after each load the selection keeps just those still there, so a bulk action never
/// touches an incident the agent cannot see. Shift-click ticks or unticks the range from the last row clicked.
/// </summary>
public sealed class QueueSelection
{
    private readonly HashSet<int> selected = [];
    private List<int> rows = [];
    private int? anchor;

    /// <summary>Raised after every change, so the action bar and the table redraw.</summary>
    public event Action? Changed;

    public int Count => selected.Count;
    public bool Any => selected.Count > 0;
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
        var select = !AllOnPage;
        foreach (var row in rows) Set(row, select);
        Changed?.Invoke();
    }

    public void Clear()
    {
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
public sealed record BulkResult(string Message, bool IsError);

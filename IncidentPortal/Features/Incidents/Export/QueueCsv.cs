using System.Globalization;
using CsvHelper;

namespace IncidentPortal.Features.Incidents.Export;

/// <summary>
/// The queue's rows as CSV for a spreadsheet. Text people typed (titles, names) can be hostile: a cell that a
/// spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return, even after spaces) gets a
/// leading apostrophe, so "=cmd|' /C calc'!A0" stays text; quotes, commas and line breaks are quoted by CsvHelper.
/// </summary>
public static class QueueCsv
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static readonly string[] Header =
        ["Reference", "Title", "Status", "Priority", "Service", "Team", "Assignee", "Reporter", "Opened (UTC)", "Updated (UTC)"];

    /// <summary>The cell as a spreadsheet will show it, never as a formula.</summary>
    public static string Neutralise(string? cell)
    {
        if (string.IsNullOrEmpty(cell)) return "";
        var start = cell.TrimStart(' ');
        return FormulaStarts.Contains(cell[0]) || (start.Length > 0 && FormulaStarts.Contains(start[0])) ? "'" + cell : cell;
    }

    /// <summary>UTF-8 with a byte order mark, so spreadsheets read accented names right.</summary>
    public static async Task<byte[]> ToBytesAsync(IEnumerable<IncidentRow> rows, CancellationToken ct = default)
    {
        await using var stream = new MemoryStream();
        // Neutralised by our own rule (which also catches a formula after spaces); CsvHelper's escape stays on beneath it.
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true };
        await using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            foreach (var name in Header) csv.WriteField(name);
            await csv.EndRecordAsync(ct);
            foreach (var row in rows)
            {
                foreach (var cell in Cells(row)) csv.WriteField(Neutralise(cell));
                await csv.EndRecordAsync(ct);
            }
            await csv.FlushAsync(ct);
        }
        return stream.ToArray();
    }

    private static IEnumerable<string?> Cells(IncidentRow row) =>
    [
        row.Reference, row.Title, IncidentText.Label(row.Status), row.Priority.ToString(), row.Service, row.Team, row.Assignee, row.Reporter,
        Time(row.CreatedAt), Time(row.UpdatedAt),
    ];

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}

using Bangfu.Registry.RosterExport;

namespace Bangfu.Web.Infrastructure;

/// <summary>
/// Excel downloads of lists and reports: rows go streaming into the registry's one-sheet .xlsx writer (every cell
/// text, so ID numbers and leading zeros stay as they are and nothing is ever calculated) and straight into the
/// response (<see cref="StreamedDownload"/>). A header row is always written; rows beyond Excel's limit of 1,048,576
/// are left out, and the last row says so.
/// </summary>
public static class SpreadsheetFile
{
    private const int MaxDataRows = 1_048_576 - 2; // header and the note row

    public static StreamedDownload Create(string fileName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows) =>
        new(fileName, TableWriters.ContentType(ExportFormat.Xlsx), (stream, ct) =>
        {
            using var writer = TableWriters.Create(ExportFormat.Xlsx, stream, "Sheet1", headers);
            var count = 0;
            foreach (var row in rows)
            {
                if (++count > MaxDataRows)
                {
                    writer.WriteRow([$"（超过 Excel 的行数上限，其余行未导出；请缩小范围后分批导出）"]);
                    break;
                }
                if ((count & 0xFFF) == 0) ct.ThrowIfCancellationRequested();
                writer.WriteRow(row.Select(Text).ToArray());
            }
            return Task.CompletedTask;
        });

    /// <summary>Convenience for rows written as (header, value) pairs; the first row's headers are the sheet's.</summary>
    public static StreamedDownload Create(string fileName, IReadOnlyList<IReadOnlyList<(string Header, object? Value)>> rows, IReadOnlyList<string>? headers = null) =>
        Create(fileName, headers ?? (rows.Count > 0 ? rows[0].Select(c => c.Header).ToArray() : []), rows.Select(r => (IReadOnlyList<object?>)r.Select(c => c.Value).ToArray()));

    public static string? Text(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd"),
        DateTimeOffset t => t.ToLocalTime().ToString("yyyy-MM-dd HH:mm"),
        bool b => b ? "是" : "否",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

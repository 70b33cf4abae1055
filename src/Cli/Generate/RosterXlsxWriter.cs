using Bangfu.Registry.RosterExport;

namespace Bangfu.Cli.Generate;

/// <summary>
/// Writes roster rows as an .xlsx workbook with one sheet and a header row, streaming, with the registry's table writer
/// (the one every export uses): every cell an inline string in a text-formatted column, so Excel shows all 18 digits of
/// an ID number instead of a number with 15 significant digits, and memory stays flat however many rows there are.
/// </summary>
public static class RosterXlsxWriter
{
    public const string SheetName = "人口信息";

    /// <summary>Excel's limit: 1,048,576 rows per sheet, the header included.</summary>
    public const long MaxRows = 1_048_575;

    public static void Write(string path, IEnumerable<string[]> rows)
    {
        using var file = File.Create(path);
        using var writer = TableWriters.Create(ExportFormat.Xlsx, file, SheetName, RosterGenerator.Header);
        foreach (var row in rows) writer.WriteRow(row.Select(c => c.Length == 0 ? null : c).ToArray());
    }
}

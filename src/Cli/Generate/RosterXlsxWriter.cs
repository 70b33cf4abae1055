using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Bangfu.Cli.Generate;

/// <summary>
/// Writes roster rows as an .xlsx workbook with one sheet and a header row, streaming: MiniExcel pulls the rows
/// one at a time and writes them straight into the zipped sheet, so memory stays flat however many rows there are.
/// Every cell is written as text (ID numbers, phone numbers and household numbers included), so Excel shows all
/// 18 digits instead of turning them into a number with 15 significant digits.
/// <para>The same rows give the same cells, but not the same bytes: MiniExcel names the sheet's relationship with a
/// random id and the zip entries carry the time of writing. Byte-for-byte comparisons use the CSV.</para>
/// </summary>
public static class RosterXlsxWriter
{
    public const string SheetName = "人口信息";

    /// <summary>Excel's limit: 1,048,576 rows per sheet, the header included.</summary>
    public const long MaxRows = 1_048_575;

    public static void Write(string path, IEnumerable<string[]> rows)
    {
        var header = RosterGenerator.Header;
        var configuration = new OpenXmlConfiguration
        {
            // Autofilter and column widths need nothing from later rows; both stay off so nothing is buffered.
            AutoFilter = false,
            EnableAutoWidth = false,
        };
        MiniExcel.SaveAs(path, AsRecords(rows, header), printHeader: true, sheetName: SheetName,
            excelType: ExcelType.XLSX, configuration: configuration, overwriteFile: true);
    }

    private static IEnumerable<IDictionary<string, object?>> AsRecords(IEnumerable<string[]> rows, string[] header)
    {
        foreach (var row in rows)
        {
            var record = new Dictionary<string, object?>(header.Length, StringComparer.Ordinal);
            // An empty cell goes in as null, which MiniExcel writes as a bare <c/> instead of an empty string cell.
            for (var i = 0; i < header.Length; i++) record[header[i]] = row[i].Length == 0 ? null : row[i];
            yield return record;
        }
    }
}

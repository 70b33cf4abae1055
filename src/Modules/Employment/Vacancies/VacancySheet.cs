using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Bangfu.Employment.Vacancies;

/// <summary>A file that cannot be read as a vacancy sheet; the message is Chinese and says what to do.</summary>
public sealed class VacancySheetException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>One data row: its number in the sheet (1-based, as Excel shows it) and its cells by header.</summary>
public sealed record VacancySheetRow(int RowNumber, IReadOnlyDictionary<string, string> Cells)
{
    public string? this[string column] => Cells.TryGetValue(column, out var v) && v.Length > 0 ? v : null;
}

/// <summary>
/// Reads the first visible worksheet of an .xlsx vacancy list with the Open XML SDK. Vacancy lists are small (at most
/// <see cref="MaxRows"/> rows), so the sheet is read as a document rather than streamed like a roster. The header row
/// is the first row holding <c>岗位名称</c> (title rows above it are skipped); header text is trimmed and full-width
/// brackets kept as typed. Numbers come back as their literal text; a cell with a date format comes back as yyyy-MM-dd.
/// </summary>
public static class VacancySheet
{
    public const int MaxRows = 5000;

    public static (IReadOnlyList<string> Headers, IReadOnlyList<VacancySheetRow> Rows) Read(Stream stream)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(stream, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or ArgumentException)
        {
            throw new VacancySheetException("文件不是有效的 Excel（.xlsx）文件，请用模板填写后另存为 .xlsx 再上传", e);
        }
        using (document)
        {
            var workbook = document.WorkbookPart ?? throw new VacancySheetException("文件中没有工作表");
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault(s => s.State is null || s.State.Value == SheetStateValues.Visible)
                        ?? throw new VacancySheetException("文件中没有可见的工作表");
            if (sheet.Id?.Value is not { } relId || workbook.GetPartById(relId) is not WorksheetPart part)
                throw new VacancySheetException("文件中没有可见的工作表");
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
            var dateStyles = DateStyles(workbook);

            string[]? headers = null;
            var rows = new List<VacancySheetRow>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var cells = new Dictionary<int, string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var col = ColumnIndex(cell.CellReference?.Value);
                    if (col < 0 || col > 200) continue;
                    var text = Text(cell, shared, dateStyles)?.Trim();
                    if (!string.IsNullOrEmpty(text)) cells[col] = text;
                }
                var number = (int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1));
                if (headers is null)
                {
                    if (cells.Values.Any(v => v == "岗位名称"))
                    {
                        headers = new string[cells.Keys.Max() + 1];
                        foreach (var (k, v) in cells) headers[k] = v;
                    }
                    continue;
                }
                if (cells.Count == 0) continue;
                if (rows.Count >= MaxRows) throw new VacancySheetException($"一次最多导入 {MaxRows} 行岗位，请分批导入");
                rows.Add(new VacancySheetRow(number, cells.Where(c => c.Key < headers.Length && headers[c.Key] is not null)
                    .ToDictionary(c => headers[c.Key], c => c.Value)));
            }
            if (headers is null) throw new VacancySheetException("没有找到表头行（应有“岗位名称”等列），请使用模板");
            return (headers.Where(h => h is not null).ToArray(), rows);
        }
    }

    private static string? Text(Cell cell, string[] shared, HashSet<uint> dateStyles)
    {
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText;
        var raw = cell.CellValue?.Text;
        if (raw is null) return null;
        if (cell.DataType?.Value == CellValues.SharedString)
            return int.TryParse(raw, out var i) && i >= 0 && i < shared.Length ? shared[i] : null;
        if (cell.DataType?.Value == CellValues.Boolean) return raw == "1" ? "是" : "否";
        if (cell.DataType is null && cell.StyleIndex?.Value is { } style && dateStyles.Contains(style)
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
            return DateOnly.FromDateTime(DateTime.FromOADate(serial)).ToString("yyyy-MM-dd");
        return raw;
    }

    // Style indexes whose number format is a date (built-in 14-22 and 45-47, or a custom format with y/m/d and no 0/#).
    private static HashSet<uint> DateStyles(WorkbookPart workbook)
    {
        var result = new HashSet<uint>();
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        if (stylesheet?.CellFormats is null) return result;
        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
        uint index = 0;
        foreach (var format in stylesheet.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 22 or >= 45 and <= 47
                || (custom.TryGetValue(id, out var code) && code.IndexOfAny(['y', 'd']) >= 0 && code.IndexOfAny(['0', '#']) < 0))
                result.Add(index);
            index++;
        }
        return result;
    }

    private static int ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return -1;
        var col = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z') col = col * 26 + (c - 'A' + 1);
            else break;
        }
        return col - 1;
    }
}

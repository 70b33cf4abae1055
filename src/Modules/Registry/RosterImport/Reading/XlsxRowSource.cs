using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Bangfu.Registry.RosterImport.Reading;

/// <summary>
/// The rows of the first visible, non-empty worksheet of an xlsx workbook, streamed.
/// <para>Library choice (measured on a 1,000,000-row × 47-column roster with 2.5 million shared strings):
/// MiniExcel 1.46's streaming <c>Query</c> reads the fixtures correctly but hands numbers over as <see cref="double"/>,
/// so the file's literal text is lost (an 18-digit integer written in full comes back as "4.3312419890902003E+17"),
/// and it takes 88 s. The Open XML SDK 3.3 opens the package, resolves the first sheet through workbook.xml and its
/// relationships, and parses the small parts (workbook, styles) for us, so it is used for that; but its SAX reader
/// (<c>OpenXmlPartReader</c>) materialises an element object for every node and took 45 s just to walk the sheet, where
/// <see cref="XmlReader"/> over the same part stream takes 10 s. So the two large parts, the sheet and the shared
/// strings, are read with <see cref="XmlReader"/> from the SDK's part streams.</para>
/// </summary>
internal sealed class XlsxRowSource : IRowSource
{
    // Excel's last column is XFD (16,384); a cell reference beyond it is ignored rather than allowed to grow a row.
    private const int MaxColumns = 16384;

    private readonly SpreadsheetDocument document;
    private readonly SpreadsheetXml xml;
    private readonly SharedStringTable? sharedStrings;
    private readonly bool[] dateStyles;
    private readonly bool date1904;
    private readonly ReadCountingStream sheet;
    private readonly long sheetLength;
    private readonly XmlReader reader;
    private int sheetDataDepth = -1;
    private bool ended;

    private XlsxRowSource(SpreadsheetDocument document, SpreadsheetXml xml, SharedStringTable? sharedStrings,
        bool[] dateStyles, bool date1904, Stream sheetPart, long sheetLength)
    {
        this.document = document;
        this.xml = xml;
        this.sharedStrings = sharedStrings;
        this.dateStyles = dateStyles;
        this.date1904 = date1904;
        this.sheetLength = sheetLength;
        sheet = new ReadCountingStream(sheetPart, leaveOpen: false);
        reader = xml.CreateReader(sheet);
    }

    public int CurrentRowNumber { get; private set; }

    public double Progress => ended ? 1 : sheetLength > 0 ? Math.Min(1, (double)sheet.BytesRead / sheetLength) : 0;

    /// <summary>Opens the package in <paramref name="stream"/> (seekable, positioned at the start of the file).
    /// Throws <see cref="RosterFileException"/> when it is no readable xlsx or has no worksheet.</summary>
    public static XlsxRowSource Open(Stream stream)
    {
        SpreadsheetDocument document;
        try
        {
            // The parts the SDK parses into objects (workbook, styles) are small in any genuine roster; the cap keeps a
            // hostile file from inflating one into gigabytes.
            document = SpreadsheetDocument.Open(stream, isEditable: false, new OpenSettings { MaxCharactersInPart = 1L << 26 });
        }
        catch (Exception e)
        {
            throw RosterFileException.CorruptXlsx(e);
        }
        try
        {
            var workbookPart = document.WorkbookPart ?? throw RosterFileException.CorruptXlsx();
            var workbook = workbookPart.Workbook ?? throw RosterFileException.CorruptXlsx();
            var worksheet = FirstWorksheet(workbookPart) ?? throw RosterFileException.NoWorksheet();
            var date1904 = workbook.WorkbookProperties?.Date1904?.Value ?? false;
            var dateStyles = DateStyles(workbookPart.WorkbookStylesPart?.Stylesheet);
            var xml = new SpreadsheetXml();
            SharedStringTable? sharedStrings = null;
            if (workbookPart.SharedStringTablePart is { } sharedStringPart)
            {
                using var part = sharedStringPart.GetStream(FileMode.Open, FileAccess.Read);
                sharedStrings = SharedStringTable.Load(part, xml);
            }
            var length = UncompressedLength(stream, worksheet.Uri);
            return new XlsxRowSource(document, xml, sharedStrings, dateStyles, date1904,
                worksheet.GetStream(FileMode.Open, FileAccess.Read), length);
        }
        catch (Exception e)
        {
            document.Dispose();
            if (e is RosterFileException) throw;
            throw RosterFileException.CorruptXlsx(e);
        }
    }

    public bool TryRead(List<RosterCell> cells, out int rowNumber)
    {
        cells.Clear();
        rowNumber = 0;
        if (ended) return false;
        if (sheetDataDepth < 0 && !MoveToSheetData())
        {
            ended = true;
            return false;
        }
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == sheetDataDepth) break;
            if (reader.Depth != sheetDataDepth + 1 || !xml.Is(reader, xml.Row)) continue;
            // Rows without r (as some writers omit it) follow the previous row.
            rowNumber = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0
                ? r
                : CurrentRowNumber + 1;
            CurrentRowNumber = rowNumber;
            if (!reader.IsEmptyElement) ReadCells(cells);
            return true;
        }
        ended = true;
        return false;
    }

    public RosterFileException Unreadable(Exception error) => RosterFileException.UnreadableXlsx(CurrentRowNumber, error);

    public void Dispose()
    {
        reader.Dispose();
        sheet.Dispose();
        document.Dispose();
    }

    private bool MoveToSheetData()
    {
        while (reader.Read())
        {
            if (!xml.Is(reader, xml.SheetData)) continue;
            if (reader.IsEmptyElement) return false;
            sheetDataDepth = reader.Depth;
            return true;
        }
        return false;
    }

    private void ReadCells(List<RosterCell> cells)
    {
        var rowDepth = reader.Depth;
        var next = 0;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == rowDepth))
        {
            if (!xml.Is(reader, xml.Cell))
            {
                if (!reader.Read()) throw new XmlException("行在结束标记之前中断。");
                continue;
            }
            // Cells without r (as in the fixtures) are positional; with r they may skip columns, which stay empty.
            var column = ColumnIndex(reader.GetAttribute("r")) ?? next;
            next = column + 1;
            var cell = ReadCell();
            if (column >= MaxColumns) continue;
            while (cells.Count < column) cells.Add(default);
            if (column < cells.Count) cells[column] = cell;
            else cells.Add(cell);
        }
    }

    // On a <c> start tag; ends on the node after </c>.
    private RosterCell ReadCell()
    {
        var type = reader.GetAttribute("t");
        var style = reader.GetAttribute("s");
        string? value = null, inline = null;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return default;
        }
        var depth = reader.Depth;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (xml.Is(reader, xml.Value)) value = reader.ReadElementContentAsString();
            else if (xml.Is(reader, xml.InlineString)) inline = xml.ReadRichText(reader);
            else if (!reader.Read()) throw new XmlException("单元格在结束标记之前中断。");
        }
        reader.Read();
        return Cell(type, style, value, inline);
    }

    // Cell types: ECMA-376 §18.18.11 ST_CellType. Formulas (<f>) are skipped; their cached result is in <v>.
    private RosterCell Cell(string? type, string? style, string? value, string? inline)
    {
        switch (type)
        {
            case "s":
                if (sharedStrings is null || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                    throw new InvalidDataException($"Shared string reference '{value}' cannot be resolved.");
                var shared = sharedStrings[index];
                return new RosterCell(shared.Length == 0 ? null : shared, false);
            case "inlineStr":
                return Text(inline ?? value);
            case "str":
                return Text(value is null ? inline : SpreadsheetXml.Unescape(value));
            case "e":
                return Text(value);
            case "b":
                return Text(value?.Trim() switch { "1" => "TRUE", "0" => "FALSE", var other => other });
            case "d":
                return Text(DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var iso)
                    ? iso.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : value);
        }
        var literal = value?.Trim();
        if (string.IsNullOrEmpty(literal)) return Text(inline);
        if (IsDateStyle(style) && ExcelNumber.SerialToDate(literal, date1904) is { } date) return new RosterCell(date, false);
        return new RosterCell(ExcelNumber.Render(literal), true);
    }

    private static RosterCell Text(string? text)
    {
        text = text?.Trim();
        return new RosterCell(string.IsNullOrEmpty(text) ? null : text, false);
    }

    private bool IsDateStyle(string? style) =>
        int.TryParse(style, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index < dateStyles.Length && dateStyles[index]
            : dateStyles.Length > 0 && dateStyles[0];

    /// <summary>The 0-based column of a cell reference such as "AB12"; null when it has no column letters.</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]) && column <= MaxColumns; i++)
            column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        return i == 0 ? null : column - 1;
    }

    // The first worksheet in workbook order that is not hidden (templates often carry a hidden first sheet of code
    // lists) and has a cell (a workbook saved with an empty Sheet1 before the data sheet is common); failing that, the
    // first visible worksheet, then the first of all. Chart sheets and dialog sheets are passed over.
    private static WorksheetPart? FirstWorksheet(WorkbookPart workbookPart)
    {
        WorksheetPart? first = null, firstVisible = null;
        foreach (var sheet in workbookPart.Workbook?.Sheets?.Elements<Sheet>() ?? [])
        {
            if (sheet.Id?.Value is not { } id || !workbookPart.TryGetPartById(id, out var part) || part is not WorksheetPart worksheet)
                continue;
            first ??= worksheet;
            if (sheet.State is not null && sheet.State.Value != SheetStateValues.Visible) continue;
            firstVisible ??= worksheet;
            if (HasCell(worksheet)) return worksheet;
        }
        return firstVisible ?? first;
    }

    // Whether the sheet holds any cell with a value; reads only up to the first one, so a data sheet costs nothing.
    private static bool HasCell(WorksheetPart worksheet)
    {
        using var stream = worksheet.GetStream(FileMode.Open, FileAccess.Read);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        try
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "v" or "is" && !reader.IsEmptyElement)
                    return true;
            }
        }
        catch (XmlException)
        {
            return true; // let the reader proper report the broken sheet
        }
        return false;
    }

    // Per cell style (index into cellXfs): whether its number format shows a date.
    private static bool[] DateStyles(Stylesheet? stylesheet)
    {
        if (stylesheet?.CellFormats is not { } cellFormats) return [];
        var custom = new Dictionary<uint, string>();
        foreach (var format in stylesheet.NumberingFormats?.Elements<NumberingFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } id) custom[id] = format.FormatCode?.Value ?? "";
        }
        return cellFormats.Elements<CellFormat>()
            .Select(xf => xf.NumberFormatId?.Value is { } id && ExcelNumber.IsDateFormat(id, custom))
            .ToArray();
    }

    // The sheet's uncompressed size from the ZIP central directory, the denominator of Progress; -1 when not found.
    // The package's own ZipArchive re-seeks before each read, so reading the directory here does not disturb it.
    private static long UncompressedLength(Stream stream, Uri partUri)
    {
        var position = stream.Position;
        try
        {
            var name = Uri.UnescapeDataString(partUri.OriginalString).TrimStart('/');
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            return zip.Entries.FirstOrDefault(e => string.Equals(e.FullName.TrimStart('/'), name, StringComparison.OrdinalIgnoreCase))?.Length ?? -1;
        }
        catch (InvalidDataException)
        {
            return -1;
        }
        finally
        {
            stream.Position = position;
        }
    }
}

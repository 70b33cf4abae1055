using System.IO.Compression;
using System.Security;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Bangfu.Registry.RosterExport;

/// <summary>The file type of an export.</summary>
public enum ExportFormat
{
    /// <summary>Office Open XML workbook (.xlsx), one sheet, every cell text.</summary>
    Xlsx,
    /// <summary>RFC 4180 CSV, UTF-8 with a byte-order mark.</summary>
    Csv,
}

/// <summary>Writes a table row by row to a stream, without holding earlier rows. Dispose finishes the file.</summary>
public interface ITableWriter : IDisposable
{
    void WriteRow(IReadOnlyList<string?> cells);
}

public static class TableWriters
{
    /// <summary>CSV when the file name ends in .csv, otherwise .xlsx.</summary>
    public static ExportFormat FormatOf(string fileName) =>
        fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ExportFormat.Csv : ExportFormat.Xlsx;

    public static string Extension(ExportFormat format) => format == ExportFormat.Csv ? ".csv" : ".xlsx";

    public static string ContentType(ExportFormat format) => format == ExportFormat.Csv
        ? "text/csv; charset=utf-8"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A writer for <paramref name="format"/> that has already written the header row.</summary>
    public static ITableWriter Create(ExportFormat format, Stream target, string sheetName, IReadOnlyList<string> headers) =>
        format == ExportFormat.Csv ? new CsvTableWriter(target, headers) : new XlsxTableWriter(target, sheetName, headers);
}

/// <summary>
/// A one-sheet .xlsx written streaming: the zip is written in create mode (entries go out as they are written, nothing
/// is kept for a later rewrite, and the target need not be seekable) and the sheet through the Open XML SDK's
/// <see cref="OpenXmlWriter"/>. Every cell is an inline string (<c>t="inlineStr"</c>) in a column formatted as text
/// (number format 49, "@"), so Excel keeps an 18-digit ID number as the text it is, leading zeros stay, and a value
/// starting with "=" is shown, never calculated (inline strings are not formulas, so no escaping is needed here and
/// the values round-trip exactly).
/// </summary>
internal sealed class XlsxTableWriter : ITableWriter
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string DocRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private readonly ZipArchive zip;
    private readonly Stream sheet;
    private readonly OpenXmlWriter writer;
    private readonly string[] columnNames;
    private readonly Cell cell = new();
    private readonly InlineString inline = new();
    private readonly Text text = new();
    private int rowNumber;
    private string style = "1";
    private bool finished;

    public XlsxTableWriter(Stream target, string sheetName, IReadOnlyList<string> headers)
    {
        zip = new ZipArchive(target, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        Part("[Content_Types].xml", """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
            """);
        Part("_rels/.rels", $"""<Relationships xmlns="{RelNs}"><Relationship Id="rId1" Type="{DocRelNs}/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Part("xl/_rels/workbook.xml.rels", $"""<Relationships xmlns="{RelNs}"><Relationship Id="rId1" Type="{DocRelNs}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{DocRelNs}/styles" Target="styles.xml"/></Relationships>""");
        Part("xl/workbook.xml", $"""<workbook xmlns="{MainNs}" xmlns:r="{DocRelNs}"><sheets><sheet name="{SecurityElement.Escape(SheetName(sheetName))}" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        // Style 1: text format (49 = "@"); style 2: the same, bold, for the header row.
        Part("xl/styles.xml", $"""<styleSheet xmlns="{MainNs}"><fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>""");

        columnNames = Enumerable.Range(0, headers.Count).Select(ColumnName).ToArray();
        sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
        writer = OpenXmlWriter.Create(sheet, Encoding.UTF8);
        writer.WriteStartDocument();
        writer.WriteStartElement(new Worksheet());
        // Header row frozen, so it stays in view while scrolling.
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft }) { WorkbookViewId = 0 }));
        var columns = new Columns();
        for (var i = 0; i < headers.Count; i++)
            columns.Append(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = Width(headers[i]), CustomWidth = true, Style = 1 });
        writer.WriteElement(columns);
        writer.WriteStartElement(new SheetData());
        style = "2";
        WriteRow(headers);
        style = "1";
    }

    public void WriteRow(IReadOnlyList<string?> cells)
    {
        rowNumber++;
        var r = rowNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
        writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", r)]);
        for (var i = 0; i < cells.Count && i < columnNames.Length; i++)
        {
            if (string.IsNullOrEmpty(cells[i])) continue; // empty cells are left out; the others carry their reference
            // Only the attributes given here are written (not the element object's own).
            writer.WriteStartElement(cell, [new OpenXmlAttribute("r", "", columnNames[i] + r), new OpenXmlAttribute("s", "", style),
                new OpenXmlAttribute("t", "", "inlineStr")]);
            writer.WriteStartElement(inline);
            writer.WriteStartElement(text);
            writer.WriteString(XmlSafe(cells[i]!));
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }

    public void Dispose()
    {
        if (finished) return;
        finished = true;
        writer.WriteEndElement(); // sheetData
        writer.WriteEndElement(); // worksheet
        writer.Close();
        sheet.Dispose();
        zip.Dispose();
    }

    private void Part(string name, string xml)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        var bytes = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + xml.Trim());
        stream.Write(bytes);
    }

    // A sheet name has at most 31 characters and none of : \ / ? * [ ] (ECMA-376 §18.2.19).
    private static string SheetName(string name)
    {
        var clean = new string(name.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray());
        return clean.Length == 0 ? "Sheet1" : clean.Length > 31 ? clean[..31] : clean;
    }

    private static double Width(string header) => header switch
    {
        "证件号码" or "户主证件号码" or "身份证号码" => 21,
        "户编号" or "人口编号" => 20,
        _ => Math.Clamp(header.Length * 2.2 + 2, 8, 28),
    };

    /// <summary>"A", "B", …, "Z", "AA", … for a 0-based column index.</summary>
    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    // XML 1.0 cannot carry most control characters; a roster cell never means them.
    private static string XmlSafe(string value)
    {
        foreach (var c in value)
            if (!XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c)) return new string(value.Where(ch => XmlConvert.IsXmlChar(ch) || char.IsSurrogate(ch)).ToArray());
        return value;
    }
}

/// <summary>
/// RFC 4180 CSV (comma, CRLF, fields quoted when they hold a comma, quote or line break), UTF-8 with a byte-order mark
/// so Excel opens the Chinese text intact. A value Excel would run as a formula (starting with = + - @) gets a leading
/// apostrophe (OWASP CSV injection); the roster reader drops that apostrophe again, so an exported CSV round-trips.
/// </summary>
internal sealed class CsvTableWriter : ITableWriter
{
    private readonly StreamWriter writer;

    public CsvTableWriter(Stream target, IReadOnlyList<string> headers)
    {
        writer = new StreamWriter(target, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        WriteRow(headers);
    }

    public void WriteRow(IReadOnlyList<string?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) writer.Write(',');
            var value = Escape(cells[i]);
            if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
            {
                writer.Write(value);
                continue;
            }
            writer.Write('"');
            writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
            writer.Write('"');
        }
        writer.WriteLine();
    }

    public void Dispose() => writer.Dispose();

    /// <summary>
    /// The text as written to a CSV cell: formula-like values (<see cref="IsFormulaLike"/>) behind an apostrophe; numbers of twelve or more digits
    /// (ID numbers, person and household numbers) as <c>="…"</c>, which Excel shows as the text it is instead of a number
    /// cut to 15 digits. The roster reader undoes both, so an exported CSV round-trips.
    /// </summary>
    public static string Escape(string? value) =>
        string.IsNullOrEmpty(value) ? ""
        : RosterImport.Reading.CsvRowSource.IsLongNumber(value) ? "=\"" + value + "\""
        : IsFormulaLike(value[0]) ? "'" + value : value;

    /// <summary>
    /// Whether a cell starting with <paramref name="first"/> could be taken for a formula by a spreadsheet (OWASP CSV
    /// injection: = + - @ and the tab and carriage return that precede them in crafted cells); such cells are written
    /// behind an apostrophe.
    /// </summary>
    public static bool IsFormulaLike(char first) => first is '=' or '+' or '-' or '@' or '\t' or '\r';
}

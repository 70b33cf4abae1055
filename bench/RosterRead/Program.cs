using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Bangfu.Registry.RosterImport;
using Bangfu.Registry.RosterImport.Reading;
using MiniExcelLibs;

// Memory and speed of the roster reader on a large file (not a unit test: DESIGN keeps timings out of tests).
//   generate <seed.xlsx> <out.xlsx> [rows] [shared|miniexcel]   a roster of the seed's rows, repeated with new IDs
//   read <file>                                                 reads every row, prints time and peak working set
// Run the two as separate processes so the peak belongs to the reader alone.
switch (args)
{
    case ["generate", var seed, var output, .. var rest]:
        var rows = rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 1_000_000;
        var seedRows = SeedRows(seed);
        if (rest is [_, "miniexcel"]) MiniExcel.SaveAs(output, AsDictionaries(seedRows, rows), overwriteFile: true);
        else SharedStringWorkbook.Write(output, seedRows, rows);
        Console.WriteLine($"wrote {rows:N0} rows to {output} ({new FileInfo(output).Length / 1e6:F0} MB)");
        return 0;
    case ["read", var path]:
        var clock = Stopwatch.StartNew();
        using (var sheet = RosterSheet.Open(path, RosterLayout.IsHeaderRow))
        {
            var opened = clock.Elapsed;
            long count = 0, cells = 0;
            foreach (var row in sheet.Rows())
            {
                count++;
                foreach (var cell in row.Cells)
                {
                    if (cell.Text is not null) cells++;
                }
            }
            Console.WriteLine($"{sheet.Format}: header row {sheet.HeaderRowNumber}, {sheet.Headers.Count} columns, {count:N0} rows, {cells:N0} non-empty cells");
            Console.WriteLine($"opened in {opened.TotalSeconds:F1} s, all rows in {clock.Elapsed.TotalSeconds:F1} s, progress {sheet.Progress:P0}");
        }
        using (var self = Process.GetCurrentProcess())
            Console.WriteLine($"peak working set {self.PeakWorkingSet64 / 1e6:F0} MB, GC heap now {GC.GetTotalMemory(false) / 1e6:F0} MB");
        return 0;
    default:
        Console.Error.WriteLine("usage: generate <seed.xlsx> <out.xlsx> [rows] [shared|miniexcel] | read <file>");
        return 2;
}

static (string[] Headers, List<string?[]> Rows) SeedRows(string seed)
{
    using var sheet = RosterSheet.Open(seed, RosterLayout.IsHeaderRow);
    return (sheet.Headers.ToArray(), sheet.Rows().Select(r => r.Cells.Select(c => c.Text).ToArray()).ToList());
}

static IEnumerable<IDictionary<string, object?>> AsDictionaries((string[] Headers, List<string?[]> Rows) seed, int rows)
{
    for (var i = 0; i < rows; i++)
    {
        var source = seed.Rows[i % seed.Rows.Count];
        var row = new Dictionary<string, object?>(seed.Headers.Length);
        for (var c = 0; c < seed.Headers.Length; c++) row[seed.Headers[c]] = SeedVariation.Vary(source, i, c, i / seed.Rows.Count);
        yield return row;
    }
}

internal static class SeedVariation
{
    // Makes each generated row distinct where a real roster is: person number, name, ID number. Every tenth ID is a
    // number as Excel would have stored it (column 12), birth dates are date serials (column 10) in shared mode.
    public static string? Vary(string?[] source, int row, int column, int round) => column switch
    {
        6 => (4301821062090000000L + row).ToString(CultureInfo.InvariantCulture),
        7 => source[column] + round.ToString(CultureInfo.InvariantCulture),
        11 => (430182195208270011L + row * 7L).ToString(CultureInfo.InvariantCulture),
        _ => source[column],
    };
}

// A workbook laid out as Excel saves one: every text in xl/sharedStrings.xml (here 2.5 million distinct strings for a
// million rows), numbers and date serials inline, cell references on every cell.
internal static class SharedStringWorkbook
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static void Write(string path, (string[] Headers, List<string?[]> Rows) seed, int rows)
    {
        using var zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create);
        Entry(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
        Entry(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Entry(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="人口信息" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Entry(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
        Entry(zip, "xl/styles.xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>""");
        var shared = new Dictionary<string, int>();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = true };
        using (var w = XmlWriter.Create(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open(), settings))
        {
            w.WriteStartElement("worksheet", Main);
            w.WriteStartElement("sheetData", Main);
            for (var i = -1; i < rows; i++)
            {
                var rowNumber = (i + 2).ToString(CultureInfo.InvariantCulture);
                w.WriteStartElement("row", Main);
                w.WriteAttributeString("r", rowNumber);
                for (var c = 0; c < seed.Headers.Length; c++)
                {
                    var text = i < 0 ? seed.Headers[c] : SeedVariation.Vary(seed.Rows[i % seed.Rows.Count], i, c, i / seed.Rows.Count);
                    if (string.IsNullOrEmpty(text)) continue;
                    w.WriteStartElement("c", Main);
                    w.WriteAttributeString("r", Column(c) + rowNumber);
                    if (i >= 0 && c == 11 && i % 10 == 0)
                        w.WriteElementString("v", Main, double.Parse(text, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                    else if (i >= 0 && c == 9 && DateTime.TryParse(text, CultureInfo.InvariantCulture, out var birth))
                    {
                        w.WriteAttributeString("s", "1");
                        w.WriteElementString("v", Main, (birth - new DateTime(1899, 12, 30)).TotalDays.ToString(CultureInfo.InvariantCulture));
                    }
                    else if (i >= 0 && c is 15 or 20)
                        w.WriteElementString("v", Main, text);
                    else
                    {
                        if (!shared.TryGetValue(text, out var index)) shared.Add(text, index = shared.Count);
                        w.WriteAttributeString("t", "s");
                        w.WriteElementString("v", Main, index.ToString(CultureInfo.InvariantCulture));
                    }
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
        }
        using (var w = XmlWriter.Create(zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Fastest).Open(), settings))
        {
            w.WriteStartElement("sst", Main);
            w.WriteAttributeString("uniqueCount", shared.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var text in shared.Keys)
            {
                w.WriteStartElement("si", Main);
                w.WriteElementString("t", Main, text);
                w.WriteEndElement();
            }
        }
    }

    private static void Entry(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }

    private static string Column(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }
}

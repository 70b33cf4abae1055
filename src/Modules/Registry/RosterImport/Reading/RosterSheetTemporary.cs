using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Bangfu.Registry.RosterImport.Reading;

public sealed class RosterFileException(string message) : Exception(message);

public sealed class RosterSheet : IDisposable
{
    private readonly List<(int Row, RosterCell[] Cells)> all;
    private RosterSheet(List<(int Row, RosterCell[] Cells)> rows, Func<IReadOnlyList<string?>, bool> isHeader)
    {
        all = rows;
        var h = rows.FindIndex(r => isHeader(r.Cells.Select(c => c.Text).ToList()));
        if (h < 0) throw new RosterFileException("没有找到表头行");
        HeaderRowNumber = rows[h].Row;
        Headers = rows[h].Cells.Select(c => c.Text ?? "").ToList();
        start = h + 1;
    }
    private readonly int start;
    public string Format => "xlsx";
    public string? EncodingName => null;
    public int HeaderRowNumber { get; }
    public IReadOnlyList<string> Headers { get; }
    public double Progress { get; private set; }

    public static RosterSheet Open(Stream stream, string fileName, Func<IReadOnlyList<string?>, bool> isHeaderRow)
    {
        using var s = stream;
        var rows = new List<(int Row, RosterCell[] Cells)>();
        if (fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            using var reader = new StreamReader(s, Encoding.UTF8);
            var n = 0;
            while (reader.ReadLine() is { } line) { n++; rows.Add((n, line.Split(',').Select(x => new RosterCell(x.Trim('"'), false)).ToArray())); }
            return new RosterSheet(rows, isHeaderRow);
        }
        using var zip = new ZipArchive(s, ZipArchiveMode.Read);
        var entry = zip.GetEntry("xl/worksheets/sheet1.xml") ?? throw new RosterFileException("no sheet");
        using var xr = XmlReader.Create(entry.Open());
        var rowNo = 0;
        List<RosterCell>? cells = null;
        while (xr.Read())
        {
            if (xr.NodeType == XmlNodeType.Element && xr.LocalName == "row") { rowNo = int.Parse(xr.GetAttribute("r")!); cells = []; if (xr.IsEmptyElement) rows.Add((rowNo, [])); }
            else if (xr.NodeType == XmlNodeType.EndElement && xr.LocalName == "row") rows.Add((rowNo, cells!.ToArray()));
            else if (xr.NodeType == XmlNodeType.Element && xr.LocalName == "c")
            {
                var t = xr.GetAttribute("t");
                var sub = xr.ReadSubtree(); var text = new StringBuilder();
                while (sub.Read()) if (sub.NodeType == XmlNodeType.Text) text.Append(sub.Value);
                cells!.Add(new RosterCell(text.Length == 0 ? null : text.ToString().Trim(), t is null or "n"));
            }
        }
        return new RosterSheet(rows, isHeaderRow);
    }

    public IEnumerable<RosterRawRow> Rows()
    {
        for (var i = start; i < all.Count; i++)
        {
            var cells = new RosterCell[Headers.Count];
            for (var j = 0; j < cells.Length && j < all[i].Cells.Length; j++) cells[j] = all[i].Cells[j];
            if (cells.All(c => string.IsNullOrWhiteSpace(c.Text))) continue;
            Progress = (double)i / all.Count;
            yield return new RosterRawRow(all[i].Row, cells);
        }
        Progress = 1;
    }

    public void Dispose() { }
}

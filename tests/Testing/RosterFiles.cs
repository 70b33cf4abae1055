using System.Text;
using Bangfu.Registry.RosterImport;
using Bangfu.Registry.RosterImport.Reading;

namespace Bangfu.Testing;

/// <summary>Rosters for tests: the rows of a fixture, changed as a test needs, written as CSV.</summary>
public static class RosterFiles
{
    /// <summary>The header and data rows of a fixture roster, as text.</summary>
    public static (string[] Headers, List<string?[]> Rows) Read(string path)
    {
        using var sheet = RosterSheet.Open(File.OpenRead(path), Path.GetFileName(path), RosterLayout.IsHeaderRow);
        var rows = sheet.Rows().Select(r => r.Cells.Select(c => c.Text).ToArray()).ToList();
        return (sheet.Headers.ToArray(), rows);
    }

    /// <summary>Writes rows as RFC 4180 CSV (UTF-8 with BOM unless another encoding is given); returns the path.</summary>
    public static string WriteCsv(string directory, string fileName, string[] headers, IEnumerable<string?[]> rows, Encoding? encoding = null)
    {
        var path = Path.Combine(directory, fileName);
        using var writer = new StreamWriter(path, false, encoding ?? new UTF8Encoding(true));
        writer.Write(string.Join(",", headers.Select(Quote)) + "\r\n");
        foreach (var row in rows) writer.Write(string.Join(",", row.Select(Quote)) + "\r\n");
        return path;
    }

    public static int Column(string[] headers, string name) => Array.IndexOf(headers, name) is var i and >= 0
        ? i
        : throw new ArgumentException($"no column {name}");

    private static string Quote(string? value) =>
        value is null ? "" : value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}

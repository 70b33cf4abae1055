using System.Text;

namespace Bangfu.Cli.Generate;

/// <summary>
/// Writes roster rows as CSV (RFC 4180: comma-separated, CRLF line ends, a field quoted when it holds a comma,
/// quote or line break, quotes doubled) with a header row. UTF-8 with a byte-order mark by default, so Excel
/// opens it with the Chinese text intact; GB18030 for older county systems that expect it (no byte-order mark).
/// </summary>
public static class RosterCsvWriter
{
    /// <summary>UTF-8 with a byte-order mark.</summary>
    public static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>GB 18030 (code page 54936).</summary>
    public static Encoding Gb18030
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(54936);
        }
    }

    /// <returns>The number of data rows written.</returns>
    public static long Write(Stream stream, IEnumerable<string[]> rows, Encoding encoding)
    {
        using var writer = new StreamWriter(stream, encoding, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        WriteRow(writer, RosterGenerator.Header);
        long count = 0;
        foreach (var row in rows)
        {
            WriteRow(writer, row);
            count++;
        }
        return count;
    }

    private static void WriteRow(StreamWriter writer, string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0) writer.Write(',');
            var cell = cells[i] ?? "";
            if (cell.AsSpan().IndexOfAny(",\"\r\n") < 0)
            {
                writer.Write(cell);
                continue;
            }
            writer.Write('"');
            writer.Write(cell.Replace("\"", "\"\"", StringComparison.Ordinal));
            writer.Write('"');
        }
        writer.WriteLine();
    }
}

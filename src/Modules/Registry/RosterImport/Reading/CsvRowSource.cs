using System.Text;
using Sylvan.Data.Csv;

namespace Bangfu.Registry.RosterImport.Reading;

/// <summary>
/// The records of a delimited text file, read with Sylvan.Data.Csv (RFC 4180 quoting: fields in double quotes may hold
/// delimiters, line breaks and doubled quotes). Every cell is text (<see cref="RosterCell.WasNumber"/> is false), as
/// the file holds it, trimmed, without the apostrophe that CSV exports (Bangfu's included) put before a value starting
/// with = + - @ so that Excel does not run it as a formula. The row number of a record is the physical line it starts on: a quoted field that
/// spans lines moves the following records down.
/// </summary>
internal sealed class CsvRowSource : IRowSource
{
    // A record longer than this many characters is almost always an unpaired quote swallowing the rest of the file;
    // stop there instead of holding the file in memory.
    private const int MaxRecordLength = 4 << 20;

    private readonly ReadCountingStream counting;
    private readonly long length;
    private readonly CsvDataReader csv;
    private int nextLine = 1;
    private bool ended;

    /// <param name="stream">Seekable, positioned after the byte order mark; left open.</param>
    /// <param name="encoding">From <see cref="CsvEncoding.Detect"/>.</param>
    /// <param name="delimiter">Comma, tab or semicolon.</param>
    public CsvRowSource(Stream stream, Encoding encoding, char delimiter)
    {
        length = stream.Length - stream.Position;
        CurrentRowNumber = 1;
        counting = new ReadCountingStream(stream, leaveOpen: true);
        var text = new StreamReader(counting, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        csv = CsvDataReader.Create(text, new CsvDataReaderOptions
        {
            HasHeaders = false,
            Delimiter = delimiter,
            MaxBufferSize = MaxRecordLength,
            OwnsReader = true,
        });
    }

    public int CurrentRowNumber { get; private set; }

    public double Progress => ended ? 1 : length > 0 ? Math.Min(1, (double)counting.BytesRead / length) : 0;

    public bool TryRead(List<RosterCell> cells, out int rowNumber)
    {
        cells.Clear();
        rowNumber = 0;
        if (ended) return false;
        CurrentRowNumber = nextLine;
        if (!csv.Read())
        {
            ended = true;
            return false;
        }
        var lineBreaks = 0;
        for (var i = 0; i < csv.RowFieldCount; i++)
        {
            var field = csv.GetFieldSpan(i);
            if (field.ContainsAny('\r', '\n')) lineBreaks += LineBreaks(field);
            field = field.Trim();
            // An exporter's guard against formula injection ('=…, '+…, '-…, '@…) is not part of the value.
            if (field.Length > 1 && field[0] == '\'' && RosterExport.CsvTableWriter.IsFormulaLike(field[1])) field = field[1..];
            // ="430182…": how exports keep long numbers as text when the CSV is opened in Excel.
            else if (field.Length > 3 && field.StartsWith("=\"") && field[^1] == '"' && IsLongNumber(field[2..^1])) field = field[2..^1];
            cells.Add(new RosterCell(field.IsEmpty ? null : field.ToString(), false));
        }
        rowNumber = nextLine;
        nextLine += 1 + lineBreaks;
        return true;
    }

    public RosterFileException Unreadable(Exception error) => RosterFileException.UnreadableCsv(CurrentRowNumber, error);

    public void Dispose() => csv.Dispose();

    // CRLF, LF and a lone CR each end a line.
    private static int LineBreaks(ReadOnlySpan<char> field)
    {
        var count = 0;
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\n' || (field[i] == '\r' && (i + 1 == field.Length || field[i + 1] != '\n'))) count++;
        }
        return count;
    }

    /// <summary>Twelve or more digits, the last possibly X: what Excel would turn into a number and cut.</summary>
    internal static bool IsLongNumber(ReadOnlySpan<char> text)
    {
        if (text.Length < 12) return false;
        for (var i = 0; i < text.Length; i++)
            if (!char.IsAsciiDigit(text[i]) && !(i == text.Length - 1 && text[i] is 'X' or 'x')) return false;
        return true;
    }
}

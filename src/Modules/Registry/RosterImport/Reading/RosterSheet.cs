using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Bangfu.Registry.RosterImport.Reading;

/// <summary>One cell as read: its text (null when empty) and whether the file stored it as a number.</summary>
public readonly record struct RosterCell(string? Text, bool WasNumber);

/// <summary>A data row: the spreadsheet's own 1-based row number (the line number for CSV) and its cells, aligned to
/// the sheet's headers (missing trailing cells are empty).</summary>
public sealed record RosterRawRow(int RowNumber, RosterCell[] Cells);

/// <summary>
/// A roster file as county offices deliver it, read forward in bounded memory (files of a million rows and more):
/// an xlsx workbook (its first visible worksheet) or a CSV text file.
/// <para>Format: by content (an xlsx is a ZIP, "PK\x03\x04"; an OLE2 file is a legacy .xls or an encrypted workbook,
/// both refused), otherwise by extension (.xlsx/.xlsm), otherwise CSV. CSV encoding and delimiter: see
/// <see cref="EncodingName"/> and <see cref="Open(Stream, string, Func{IReadOnlyList{string?}, bool})"/>.</para>
/// <para>Header: the first of the first 30 non-empty rows that the caller's predicate accepts; rows above it (titles)
/// are skipped. Data rows: every later row with any text under a header; each has exactly
/// <see cref="Headers"/>.Count cells (missing trailing cells empty, cells beyond the last header dropped).</para>
/// <para>Cell text (trimmed; null when empty): xlsx shared, inline and formula strings as written; a number as the
/// file's literal value text, which for an ID number Excel turned into a double is the "4.3312419890902E+17" that
/// Excel shows, except whole numbers below 2^53, written plainly ("12.0" gives "12"), with
/// <see cref="RosterCell.WasNumber"/> true; a number in a date format as "yyyy-MM-dd" (WasNumber false); booleans as
/// TRUE/FALSE; errors as written (#N/A). CSV cells are the file's text, never numbers.</para>
/// <para>Errors: every problem with the file, at opening or while reading rows, is a <see cref="RosterFileException"/>
/// with a Chinese message for the user (naming the row when known); no other exception escapes for bad input.</para>
/// </summary>
public sealed class RosterSheet : IDisposable
{
    private const int HeaderSearchRows = 30;
    private static readonly char[] Delimiters = [',', '\t', ';'];

    private readonly IRowSource source;
    private readonly Stream? ownedStream;
    private bool rowsTaken;
    private bool finished;

    private RosterSheet(IRowSource source, Stream? ownedStream, string format, string? encodingName, int headerRowNumber,
        IReadOnlyList<string> headers)
    {
        this.source = source;
        this.ownedStream = ownedStream;
        Format = format;
        EncodingName = encodingName;
        HeaderRowNumber = headerRowNumber;
        Headers = headers;
    }

    /// <summary>"xlsx" or "csv".</summary>
    public string Format { get; }

    /// <summary>For CSV, the encoding the text was decoded with: "UTF-8 (BOM)", "UTF-16 LE (BOM)", "UTF-16 BE (BOM)"
    /// when a byte order mark says so; otherwise "UTF-8" when the first 1 MB is valid UTF-8, else "GB18030" (which
    /// also decodes GBK and GB2312). Null for xlsx.</summary>
    public string? EncodingName { get; }

    /// <summary>The header's 1-based row number as the spreadsheet shows it (the physical line number for CSV).</summary>
    public int HeaderRowNumber { get; }

    /// <summary>The header texts as written (trimmed), one per column up to the last non-empty one; an empty header
    /// cell between them is "".</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>0..1: the fraction of the rows' bytes consumed (the worksheet's uncompressed XML for xlsx, the file for
    /// CSV); 1 once <see cref="Rows"/> has been read to the end.</summary>
    public double Progress => finished ? 1 : source.Progress;

    /// <summary>Opens the file at <paramref name="path"/> (closed with the sheet). See
    /// <see cref="Open(Stream, string, Func{IReadOnlyList{string?}, bool})"/>.</summary>
    public static RosterSheet Open(string path, Func<IReadOnlyList<string?>, bool> isHeaderRow)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Open(file, Path.GetFileName(path), isHeaderRow, ownsStream: true);
    }

    /// <summary>
    /// Opens a roster and finds its header row.
    /// </summary>
    /// <param name="stream">The file from its first byte. It is not closed with the sheet. A stream that cannot seek
    /// (a network body) is first copied to a temporary file, deleted when the sheet is disposed.</param>
    /// <param name="fileName">The uploaded file's name; its extension decides only when the content does not.</param>
    /// <param name="isHeaderRow">Decides whether a row's trimmed texts (null for empty cells) are the header, e.g.
    /// <see cref="RosterLayout.IsHeaderRow"/>.</param>
    /// <remarks>CSV: the delimiter is the one of comma, tab and semicolon under which a header row is found, tried in
    /// order of frequency in the first 64 KB (comma first on a tie).</remarks>
    /// <exception cref="RosterFileException">Legacy .xls, encrypted workbook, damaged or truncated xlsx, a binary or
    /// HTML file, no worksheet, no header row in the first 30 non-empty rows.</exception>
    public static RosterSheet Open(Stream stream, string fileName, Func<IReadOnlyList<string?>, bool> isHeaderRow) =>
        Open(stream, fileName, isHeaderRow, ownsStream: false);

    /// <summary>
    /// The data rows after the header, read from the file as they are enumerated (once). Rows with no text under any
    /// header are skipped; <see cref="RosterRawRow.RowNumber"/> is the spreadsheet's row number (from the row's r
    /// attribute, counted on from the previous row where it is missing) or the CSV line the record starts on.
    /// </summary>
    /// <exception cref="RosterFileException">The file turns out damaged part-way (the message names the row).</exception>
    public IEnumerable<RosterRawRow> Rows()
    {
        if (rowsTaken) throw new InvalidOperationException("The rows of a roster are read forward and can be enumerated only once.");
        rowsTaken = true;
        return ReadRows();
    }

    /// <summary>
    /// <see cref="Rows"/> read ahead on a task of its own (at most 512 rows ahead), so that decompressing and parsing the
    /// file runs beside the caller's work on the rows. An error while reading surfaces from the enumeration as it would
    /// from <see cref="Rows"/>; leaving the enumeration early stops the reading before it returns.
    /// </summary>
    public async IAsyncEnumerable<RosterRawRow> ReadAheadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        const int batchSize = 128;
        var rows = Rows();
        var channel = Channel.CreateBounded<List<RosterRawRow>>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(async () =>
        {
            var batch = new List<RosterRawRow>(batchSize);
            Exception? error = null;
            try
            {
                foreach (var row in rows)
                {
                    batch.Add(row);
                    if (batch.Count < batchSize) continue;
                    await channel.Writer.WriteAsync(batch, stop.Token);
                    batch = new List<RosterRawRow>(batchSize);
                }
            }
            catch (Exception e)
            {
                error = e;
            }
            try
            {
                // The rows read before an error still come first, as they would from Rows().
                if (batch.Count > 0 && error is not OperationCanceledException) await channel.Writer.WriteAsync(batch, stop.Token);
            }
            catch (OperationCanceledException e)
            {
                error ??= e;
            }
            channel.Writer.TryComplete(error);
        }, CancellationToken.None);
        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(cancellationToken))
                foreach (var row in batch) yield return row;
        }
        finally
        {
            // The file must stay open until the reading task has let go of it.
            await stop.CancelAsync();
            await reading;
        }
    }

    public void Dispose()
    {
        source.Dispose();
        ownedStream?.Dispose();
    }

    private IEnumerable<RosterRawRow> ReadRows()
    {
        var cells = new List<RosterCell>(Headers.Count);
        while (TryRead(source, cells, out var rowNumber))
        {
            if (IsBlank(cells, Headers.Count)) continue;
            var aligned = new RosterCell[Headers.Count];
            for (var i = 0; i < aligned.Length && i < cells.Count; i++) aligned[i] = cells[i];
            yield return new RosterRawRow(rowNumber, aligned);
        }
        finished = true;
    }

    private static RosterSheet Open(Stream stream, string fileName, Func<IReadOnlyList<string?>, bool> isHeaderRow, bool ownsStream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(isHeaderRow);
        var owned = ownsStream ? stream : null;
        try
        {
            if (!stream.CanSeek)
            {
                var copy = Spool(stream);
                owned?.Dispose();
                owned = stream = copy;
            }
            stream.Position = 0;
            return IsXlsx(stream, fileName)
                ? OpenXlsx(stream, owned, isHeaderRow)
                : OpenCsv(stream, owned, isHeaderRow);
        }
        catch (Exception e)
        {
            owned?.Dispose();
            if (e is RosterFileException) throw;
            throw new RosterFileException("文件无法读取，内容可能已损坏。请在 Excel 中打开后另存为 .xlsx 或 CSV（UTF-8）再导入。", e);
        }
    }

    // True for a ZIP (or a damaged file named .xlsx), false for text; refuses OLE2 files (.xls, encrypted workbooks).
    private static bool IsXlsx(Stream stream, string fileName)
    {
        Span<byte> head = stackalloc byte[8];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        head = head[..read];
        if (read == 0) throw RosterFileException.Empty();
        if (head.StartsWith("PK\x03\x04"u8) || head.StartsWith("PK\x05\x06"u8)) return true;
        if (head.SequenceEqual(CompoundFile.Signature))
            throw CompoundFile.IsEncryptedPackage(stream) ? RosterFileException.Encrypted() : RosterFileException.LegacyXls();
        // Content that is neither: an .xlsx name means a damaged workbook; anything else (.csv, .txt, and the
        // tab-separated or HTML text some systems export as ".xls") is read as text.
        return Path.GetExtension(fileName).ToLowerInvariant() is ".xlsx" or ".xlsm";
    }

    private static RosterSheet OpenXlsx(Stream stream, Stream? owned, Func<IReadOnlyList<string?>, bool> isHeaderRow)
    {
        var source = XlsxRowSource.Open(stream);
        try
        {
            var (row, headers) = FindHeader(source, isHeaderRow) ?? throw RosterFileException.HeaderNotFound();
            return new RosterSheet(source, owned, "xlsx", null, row, headers);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    private static RosterSheet OpenCsv(Stream stream, Stream? owned, Func<IReadOnlyList<string?>, bool> isHeaderRow)
    {
        var sample = new byte[(int)Math.Min(CsvEncoding.SampleSize, stream.Length)];
        stream.ReadExactly(sample);
        var (encoding, encodingName, preamble) = CsvEncoding.Detect(sample, sample.Length == stream.Length);
        if (encoding is not System.Text.UnicodeEncoding && sample.AsSpan().Contains((byte)0)) throw RosterFileException.NotText();
        var start = sample.AsSpan(preamble, Math.Min(sample.Length - preamble, 64 * 1024));
        var preview = encoding.GetString(start);
        var trimmed = preview.AsSpan().TrimStart();
        if (trimmed.StartsWith("<") && (preview.Contains("<table", StringComparison.OrdinalIgnoreCase)
            || preview.Contains("<html", StringComparison.OrdinalIgnoreCase)))
            throw RosterFileException.Html();

        RosterFileException? firstError = null;
        foreach (var delimiter in Delimiters.OrderByDescending(d => preview.Count(c => c == d)))
        {
            stream.Position = preamble;
            CsvRowSource source;
            try
            {
                // Sylvan reads the first record as it starts.
                source = new CsvRowSource(stream, encoding, delimiter);
            }
            catch (Exception e)
            {
                throw RosterFileException.UnreadableCsv(1, e);
            }
            try
            {
                if (FindHeader(source, isHeaderRow) is var (row, headers))
                    return new RosterSheet(source, owned, "csv", encodingName, row, headers);
            }
            catch (RosterFileException e)
            {
                firstError ??= e;
            }
            source.Dispose();
        }
        throw firstError ?? RosterFileException.HeaderNotFound();
    }

    private static (int RowNumber, string[] Headers)? FindHeader(IRowSource source, Func<IReadOnlyList<string?>, bool> isHeaderRow)
    {
        var cells = new List<RosterCell>();
        var nonEmpty = 0;
        while (nonEmpty < HeaderSearchRows && TryRead(source, cells, out var rowNumber))
        {
            if (IsBlank(cells, cells.Count)) continue;
            nonEmpty++;
            var texts = cells.Select(c => c.Text).ToArray();
            if (!isHeaderRow(texts)) continue;
            var count = Array.FindLastIndex(texts, t => t is not null) + 1;
            return (rowNumber, texts.Take(count).Select(t => t ?? "").ToArray());
        }
        return null;
    }

    private static bool TryRead(IRowSource source, List<RosterCell> cells, out int rowNumber)
    {
        try
        {
            return source.TryRead(cells, out rowNumber);
        }
        catch (Exception e) when (e is not RosterFileException)
        {
            throw source.Unreadable(e);
        }
    }

    private static bool IsBlank(List<RosterCell> cells, int columns)
    {
        for (var i = 0; i < columns && i < cells.Count; i++)
        {
            if (cells[i].Text is not null) return false;
        }
        return true;
    }

    private static FileStream Spool(Stream stream)
    {
        var file = new FileStream(Path.Combine(Path.GetTempPath(), Path.GetRandomFileName()), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        try
        {
            stream.CopyTo(file);
            file.Position = 0;
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }
}

namespace Bangfu.Registry.RosterImport.Reading;

/// <summary>The rows of one file format, read forward once: xlsx (<see cref="XlsxRowSource"/>) and CSV
/// (<see cref="CsvRowSource"/>).</summary>
internal interface IRowSource : IDisposable
{
    /// <summary>Reads the next row into <paramref name="cells"/> (cleared first; index = column, from 0). Blank rows are
    /// returned too. False at the end.</summary>
    bool TryRead(List<RosterCell> cells, out int rowNumber);

    /// <summary>The row being read or last read (the line a CSV record starts on), for error messages; 0 before the first.</summary>
    int CurrentRowNumber { get; }

    /// <summary>The user's message for an exception thrown while reading, naming the row when known.</summary>
    RosterFileException Unreadable(Exception error);

    /// <summary>0..1, the fraction of the rows' bytes consumed.</summary>
    double Progress { get; }
}

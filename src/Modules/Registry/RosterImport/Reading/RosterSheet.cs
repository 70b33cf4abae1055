namespace Bangfu.Registry.RosterImport.Reading;

/// <summary>One cell as read: its text (null when empty) and whether the file stored it as a number.</summary>
public readonly record struct RosterCell(string? Text, bool WasNumber);

/// <summary>A data row: the spreadsheet's own 1-based row number (the line number for CSV) and its cells, aligned to
/// the sheet's headers (missing trailing cells are empty).</summary>
public sealed record RosterRawRow(int RowNumber, RosterCell[] Cells);

namespace Bangfu.Registry.Contracts;

/// <summary>
/// A finding about one row: the spreadsheet's row number (0 for the whole file), the column header as written in the
/// file, the rule, and a Chinese message that says what is wrong and what is allowed. Messages never quote a full ID
/// number or phone number (only their masked forms).
/// </summary>
public sealed record RowIssue(int Row, string Column, QualityRule Rule, string Message, string? VillageCode = null)
{
    public IssueSeverity Severity => Rule.Severity;
}

/// <summary>
/// A check applied to roster rows: its code (stable, used in reports, filters and the JSON of the CLI), severity
/// (error: the row is refused; warning: the row is accepted and an issue is recorded for the village to fix), what it
/// checks, and where the rule comes from.
/// </summary>
public sealed record QualityRule(string Code, IssueSeverity Severity, string Description, string Source);

public enum IssueSeverity : short
{
    /// <summary>The row is refused.</summary>
    Error = 1,
    /// <summary>The row is accepted; a data-quality issue is recorded for the village to fix.</summary>
    Warning = 2,
}

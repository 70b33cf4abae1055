using Bangfu.Registry.DataQuality;

namespace Bangfu.Registry.RosterImport;

/// <summary>
/// A finding about one row: the spreadsheet's row number (0 for the whole file), the column header as written in the
/// file, the rule, and a Chinese message that says what is wrong and what is allowed. Messages never quote a full ID
/// number or phone number (only their masked forms).
/// </summary>
public sealed record RowIssue(int Row, string Column, QualityRule Rule, string Message, string? VillageCode = null)
{
    public IssueSeverity Severity => Rule.Severity;
}

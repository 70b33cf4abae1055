using Bangfu.Registry.Contracts;
using System.Data.Common;
using Bangfu.Platform.Data;

namespace Bangfu.Registry.RosterImport;

/// <summary>Appends findings to an import's verdict (<c>reg_roster_import_issue</c>) and counts them.</summary>
internal sealed class ImportIssueWriter(DbConnection connection, DbTransaction transaction, Guid importId)
{
    private static readonly string[] Columns = ["import_id", "row_number", "column_name", "code", "severity", "message", "village_code"];

    public int Errors { get; private set; }
    public int Warnings { get; private set; }

    public async Task WriteAsync(IReadOnlyCollection<RowIssue> issues, CancellationToken cancellationToken)
    {
        if (issues.Count == 0) return;
        foreach (var issue in issues)
        {
            if (issue.Severity == IssueSeverity.Error) Errors++;
            else Warnings++;
        }
        await BulkCopy.InsertAsync(connection, transaction, "reg_roster_import_issue", Columns,
            issues.Select(i => new object?[]
            {
                importId, i.Row, Truncate(i.Column, 100), i.Rule.Code, (short)i.Severity, Truncate(i.Message, 1000), i.VillageCode,
            }), cancellationToken);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

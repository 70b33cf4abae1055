using Bangfu.Platform.Scope;
using Bangfu.Platform.Time;
using Bangfu.Registry.Contracts;

namespace Bangfu.Registry.RosterImport;

public enum RosterImportState : short
{
    /// <summary>Checked without writing; waiting for commit or cancel.</summary>
    DryRun = 1,
    Committed = 2,
    Cancelled = 3,
    Failed = 4,
    /// <summary>Running (checking or committing).</summary>
    Running = 5,
    /// <summary>Checked only, from the command line: there is no stored file to commit later.</summary>
    Checked = 6,
}

/// <summary>
/// One roster import in the import history (导入记录): the file (name, SHA-256, stored copy), who, when, for which
/// period, and its summary. Region-scoped by the importer's scope.
/// </summary>
public sealed class RosterImportRecord : IRegionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The importer's scope code (empty for nationwide).</summary>
    public string RegionCode { get; set; } = "";
    public string FileName { get; set; } = "";
    public string FileSha256 { get; set; } = "";
    public long FileSize { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public Period Period { get; set; }
    public RosterImportState State { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CheckedAt { get; set; }
    public DateTimeOffset? CommittedAt { get; set; }

    public int Rows { get; set; }
    public int PersonsNew { get; set; }
    public int PersonsUpdated { get; set; }
    public int PersonsUnchanged { get; set; }
    public int RowsRefused { get; set; }
    public int Errors { get; set; }
    public int Warnings { get; set; }
    public int HouseholdsNew { get; set; }

    /// <summary>A file-level problem (missing columns, unreadable file), in Chinese; null when the file could be read.</summary>
    public string? FileError { get; set; }
}

/// <summary>One finding of an import's verdict: row, column, rule code, severity and a Chinese message.</summary>
public sealed class RosterImportIssue
{
    public long Id { get; set; }
    public Guid ImportId { get; set; }

    /// <summary>The spreadsheet's own row number; 0 for file-level findings.</summary>
    public int RowNumber { get; set; }

    /// <summary>The column header as written in the file (or the layout's name); empty for row-level findings.</summary>
    public string ColumnName { get; set; } = "";
    public string Code { get; set; } = "";
    public IssueSeverity Severity { get; set; }
    public string Message { get; set; } = "";

    /// <summary>Village code of the row when it could be resolved (to filter by village).</summary>
    public string? VillageCode { get; set; }
}

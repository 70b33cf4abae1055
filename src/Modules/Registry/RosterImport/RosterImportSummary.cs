using Bangfu.Registry.Contracts;
using Bangfu.Platform.Time;

namespace Bangfu.Registry.RosterImport;

/// <summary>
/// The verdict of an import (dry run or commit). <see cref="Issues"/> holds the findings, errors first, up to
/// <see cref="RosterImportService.MaxIssuesInSummary"/>; all of them are stored with the import and can be paged or
/// downloaded.
/// </summary>
public sealed record RosterImportSummary(
    Guid ImportId,
    string FileName,
    Period Period,
    bool DryRun,
    RosterImportState State,
    int Rows,
    int PersonsNew,
    int PersonsUpdated,
    int PersonsUnchanged,
    int RowsRefused,
    int HouseholdsNew,
    int Errors,
    int Warnings,
    string? FileError,
    IReadOnlyList<RowIssue> Issues);

using System.Data.Common;
using Bangfu.Platform.Data;
using Bangfu.Platform.Time;

namespace Bangfu.Registry.Contracts;

/// <summary>
/// What a roster import hands to the modules that build on the registry (employment situations, ...), inside the
/// import's transaction. The stage table (<see cref="StageTable"/>) holds the accepted rows:
/// <c>person_id</c>, <c>household_id</c>, <c>county_code</c>, <c>region_code</c> (home village) and the person's roster
/// fields under <c>reg_person</c>'s column names; rows with <c>refused</c> true did not enter the registry.
/// </summary>
/// <param name="Connection">The open connection; use it only through <paramref name="Transaction"/>.</param>
/// <param name="Period">The month the roster describes (--period; default December of the file's 年度).</param>
/// <param name="DryRun">True when nothing may be written to the registry or the module's tables.</param>
public sealed record RosterImportContext(
    DbConnection Connection,
    DbTransaction Transaction,
    DatabaseProvider Provider,
    Guid ImportId,
    Period Period,
    DateTimeOffset Now,
    string? UserName,
    bool DryRun)
{
    /// <summary>The name of the temporary view of the staged rows.</summary>
    public const string StageTable = "roster_rows";
}

/// <summary>
/// A module's part in a roster import. Handlers run after the registry merge (or, on a dry run, after the
/// file-wide checks) and may return warnings about rows (e.g. a month already closed).
/// </summary>
public interface IRosterImportHandler
{
    /// <summary>The rules whose findings <see cref="HandleAsync"/> may return (listed with the registry's own).</summary>
    IReadOnlyList<QualityRule> Rules { get; }

    /// <summary>Applies the import to the module's own tables; returns findings (row, column, rule, message) to add to the verdict.</summary>
    Task<IReadOnlyList<RowIssue>> HandleAsync(RosterImportContext context, CancellationToken cancellationToken);
}

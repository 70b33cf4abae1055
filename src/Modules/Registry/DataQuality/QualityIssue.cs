using Bangfu.Registry.Contracts;
using Bangfu.Platform.Scope;

namespace Bangfu.Registry.DataQuality;

public enum QualityIssueState : short
{
    Open = 1,
    /// <summary>A later import no longer raised it.</summary>
    Resolved = 2,
    /// <summary>A cadre checked it and confirmed the data is right as it is.</summary>
    Confirmed = 3,
}

/// <summary>
/// An open data-quality finding about a person or household of a village (数据质量问题), raised by an import's
/// warnings and kept until a later import no longer raises it or a cadre confirms it. The village's open issues are
/// the cadre's worklist.
/// </summary>
public sealed class QualityIssue : IRegionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string CountyCode { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public Guid? PersonId { get; set; }
    public Guid? HouseholdId { get; set; }
    public string RuleCode { get; set; } = "";
    public string ColumnName { get; set; } = "";
    public string Message { get; set; } = "";
    public QualityIssueState State { get; set; } = QualityIssueState.Open;
    public Guid ImportId { get; set; }
    public int RowNumber { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
}

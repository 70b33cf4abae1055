using Bangfu.Platform.Data;
using Bangfu.Platform.Scope;

namespace Bangfu.Registry.Households;

/// <summary>
/// A registered household (户): the national household number, its village, the household phone (encrypted),
/// and its return-to-poverty monitoring status when it is a monitored household (防返贫监测对象).
/// Members are dated <see cref="HouseholdMembership"/> rows.
/// </summary>
public sealed class Household : IRegionScoped, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string CountyCode { get; set; } = "";
    public string RegionCode { get; set; } = "";

    /// <summary>户编号, kept as text.</summary>
    public string HouseholdNumber { get; set; } = "";
    public byte[]? PhoneCipher { get; set; }
    public byte[]? PhoneHash { get; set; }
    public string? PhoneMasked { get; set; }

    /// <summary>监测对象类别 code (1 脱贫不稳定户, 2 边缘易致贫户, 3 突发严重困难户); null when not monitored.</summary>
    public string? MonitoringTypeCode { get; set; }

    /// <summary>风险是否已消除; null when unknown.</summary>
    public bool? RiskCleared { get; set; }
    public DateOnly? RiskClearedOn { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// A person's membership of a household for a period of time, with the relationship to the head (与户主关系,
/// 28 coded values). The open membership has no <see cref="ValidTo"/>.
/// </summary>
public sealed class HouseholdMembership : IRegionScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string CountyCode { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public Guid HouseholdId { get; set; }
    public Guid PersonId { get; set; }
    public string? RelationshipCode { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
}

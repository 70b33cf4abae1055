using Bangfu.Employment.Contracts;
using Bangfu.Platform.Scope;
using Bangfu.Platform.Time;

namespace Bangfu.Employment.Contracts;

/// <summary>
/// A village's closed month of the monthly round (月调度): once closed, the month's situations are frozen; the next
/// month starts from them. Closing counts towards the reporting rate (报送率) of the dispatch.
/// </summary>
public sealed class VillageMonth : IRegionScoped
{
    public string CountyCode { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public Period Period { get; set; }
    public DateTimeOffset ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
}

using Bangfu.Platform.Scope;
using Bangfu.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bangfu.Employment.MonthlyRound;

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

internal sealed class VillageMonthConfiguration : IEntityTypeConfiguration<VillageMonth>
{
    public void Configure(EntityTypeBuilder<VillageMonth> b)
    {
        b.ToTable("emp_village_month");
        b.HasKey(v => new { v.CountyCode, v.RegionCode, v.Period });
        b.Property(v => v.CountyCode).HasMaxLength(6);
        b.Property(v => v.RegionCode).HasMaxLength(12);
        b.Property(v => v.ClosedBy).HasMaxLength(100);
        b.HasIndex(v => new { v.Period, v.RegionCode });
    }
}

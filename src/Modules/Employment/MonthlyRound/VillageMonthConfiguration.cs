using Bangfu.Employment.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bangfu.Employment.MonthlyRound;

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

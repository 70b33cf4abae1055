using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bangfu.Registry.Regions;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        // A reference table: with Citus it is replicated to every node (docs/scaling.md).
        b.ToTable("reg_region");
        b.HasKey(r => r.Code);
        b.Property(r => r.Code).HasMaxLength(12);
        b.Property(r => r.ParentCode).HasMaxLength(12);
        b.Property(r => r.Name).HasMaxLength(100);
        b.Property(r => r.PlainName).HasMaxLength(100);
        b.HasIndex(r => r.ParentCode);
        b.HasIndex(r => r.PlainName);
    }
}

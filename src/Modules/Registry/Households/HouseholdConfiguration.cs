using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bangfu.Registry.Households;

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> b)
    {
        b.ToTable("reg_household");
        b.HasKey(h => new { h.CountyCode, h.Id });
        b.Property(h => h.CountyCode).HasMaxLength(6);
        b.Property(h => h.RegionCode).HasMaxLength(12);
        b.Property(h => h.HouseholdNumber).HasMaxLength(30);
        b.Property(h => h.PhoneMasked).HasMaxLength(20);
        b.Property(h => h.MonitoringTypeCode).HasMaxLength(4);
        b.HasIndex(h => new { h.CountyCode, h.HouseholdNumber }).IsUnique();
        b.HasIndex(h => h.RegionCode);
    }
}

internal sealed class HouseholdMembershipConfiguration : IEntityTypeConfiguration<HouseholdMembership>
{
    public void Configure(EntityTypeBuilder<HouseholdMembership> b)
    {
        b.ToTable("reg_household_membership");
        b.HasKey(m => new { m.CountyCode, m.Id });
        b.Property(m => m.CountyCode).HasMaxLength(6);
        b.Property(m => m.RegionCode).HasMaxLength(12);
        b.Property(m => m.RelationshipCode).HasMaxLength(4);
        b.HasIndex(m => new { m.CountyCode, m.PersonId, m.ValidFrom });
        b.HasIndex(m => new { m.CountyCode, m.HouseholdId });
        b.HasOne<Household>().WithMany().HasForeignKey(m => new { m.CountyCode, m.HouseholdId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<People.Person>().WithMany().HasForeignKey(m => new { m.CountyCode, m.PersonId }).OnDelete(DeleteBehavior.Restrict);
    }
}

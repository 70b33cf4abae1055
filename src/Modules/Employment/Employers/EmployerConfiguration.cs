using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bangfu.Employment.Employers;

internal sealed class EmployerConfiguration : IEntityTypeConfiguration<Employer>
{
    public void Configure(EntityTypeBuilder<Employer> b)
    {
        b.ToTable("emp_employer");
        b.HasKey(e => e.Id);
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.CreditCode).HasMaxLength(18);
        b.Property(e => e.TypeCode).HasMaxLength(4);
        b.Property(e => e.RegionCode).HasMaxLength(12);
        b.Property(e => e.ManagingRegionCode).HasMaxLength(6);
        b.Property(e => e.ContactName).HasMaxLength(50);
        b.Property(e => e.ContactPhoneMasked).HasMaxLength(20);
        b.Property(e => e.Address).HasMaxLength(200);
        b.Property(e => e.UpdatedBy).HasMaxLength(100);
        b.HasIndex(e => e.CreditCode).IsUnique();
        b.HasIndex(e => new { e.ManagingRegionCode, e.Name });
    }
}

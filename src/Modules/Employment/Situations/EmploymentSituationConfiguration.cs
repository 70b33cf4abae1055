using Bangfu.Employment.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bangfu.Employment.Situations;

internal sealed class EmploymentSituationConfiguration : IEntityTypeConfiguration<EmploymentSituation>
{
    public void Configure(EntityTypeBuilder<EmploymentSituation> b)
    {
        b.ToTable("emp_situation");
        b.HasKey(s => new { s.CountyCode, s.Id });
        b.Property(s => s.CountyCode).HasMaxLength(6);
        b.Property(s => s.RegionCode).HasMaxLength(12);
        b.Property(s => s.WorkplaceRegionCode).HasMaxLength(12);
        b.Property(s => s.EmployerName).HasMaxLength(200);
        b.Property(s => s.RecordedBy).HasMaxLength(100);
        b.HasIndex(s => new { s.CountyCode, s.PersonId, s.FromPeriod }).IsUnique();
        b.HasIndex(s => new { s.RegionCode, s.FromPeriod });
    }
}

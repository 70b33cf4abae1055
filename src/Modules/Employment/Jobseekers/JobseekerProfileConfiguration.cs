using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bangfu.Employment.Jobseekers;

internal sealed class JobseekerProfileConfiguration : IEntityTypeConfiguration<JobseekerProfile>
{
    public void Configure(EntityTypeBuilder<JobseekerProfile> b)
    {
        b.ToTable("emp_jobseeker");
        b.HasKey(p => new { p.CountyCode, p.Id });
        b.Property(p => p.CountyCode).HasMaxLength(6);
        b.Property(p => p.RegionCode).HasMaxLength(12);
        b.Property(p => p.SkillsText).HasMaxLength(500);
        b.Property(p => p.TrainingWishes).HasMaxLength(500);
        b.Property(p => p.UpdatedBy).HasMaxLength(100);
        b.HasIndex(p => new { p.CountyCode, p.PersonId }).IsUnique();
        b.HasIndex(p => p.RegionCode);
    }
}

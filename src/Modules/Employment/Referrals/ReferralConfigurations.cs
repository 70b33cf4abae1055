using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bangfu.Employment.Referrals;

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> b)
    {
        b.ToTable("emp_referral");
        b.HasKey(r => new { r.CountyCode, r.Id });
        b.Property(r => r.CountyCode).HasMaxLength(6);
        b.Property(r => r.RegionCode).HasMaxLength(12);
        b.Property(r => r.JobTitle).HasMaxLength(100);
        b.Property(r => r.EmployerName).HasMaxLength(200);
        b.Property(r => r.ReferredBy).HasMaxLength(100);
        b.Property(r => r.OutcomeBy).HasMaxLength(100);
        b.HasIndex(r => new { r.RegionCode, r.ReferredOn });
        b.HasIndex(r => new { r.CountyCode, r.PersonId });
        // A vacancy's referrals, for its employer and managing officers.
        b.HasIndex(r => r.VacancyId);
        // One online-interest referral per person and vacancy, however often and by whichever phone the person registers
        // (a partial unique index: SQLite and PostgreSQL both take the filter as written; the column names are snake_case).
        b.HasIndex(r => new { r.CountyCode, r.PersonId, r.VacancyId }).IsUnique()
            .HasFilter($"source = {(short)ReferralSource.OnlineInterest}");
    }
}

internal sealed class PlacementConfiguration : IEntityTypeConfiguration<Placement>
{
    public void Configure(EntityTypeBuilder<Placement> b)
    {
        b.ToTable("emp_placement");
        b.HasKey(p => new { p.CountyCode, p.Id });
        b.Property(p => p.CountyCode).HasMaxLength(6);
        b.Property(p => p.RegionCode).HasMaxLength(12);
        b.Property(p => p.EmployerName).HasMaxLength(200);
        b.Property(p => p.WorkplaceRegionCode).HasMaxLength(12);
        b.Property(p => p.CreatedBy).HasMaxLength(100);
        b.HasIndex(p => new { p.CountyCode, p.PersonId });
        b.HasIndex(p => new { p.RegionCode, p.StartDate });
    }
}

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> b)
    {
        b.ToTable("emp_follow_up");
        b.HasKey(f => new { f.CountyCode, f.Id });
        b.Property(f => f.CountyCode).HasMaxLength(6);
        b.Property(f => f.RegionCode).HasMaxLength(12);
        b.Property(f => f.DoneBy).HasMaxLength(100);
        b.Property(f => f.Note).HasMaxLength(500);
        b.HasIndex(f => new { f.RegionCode, f.DueOn });
        b.HasIndex(f => new { f.CountyCode, f.PlacementId, f.MonthsAfterStart }).IsUnique();
    }
}

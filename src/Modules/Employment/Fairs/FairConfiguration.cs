using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bangfu.Employment.Fairs;

internal sealed class JobFairConfiguration : IEntityTypeConfiguration<JobFair>
{
    public void Configure(EntityTypeBuilder<JobFair> b)
    {
        b.ToTable("emp_fair");
        b.HasKey(f => f.Id);
        b.Property(f => f.Name).HasMaxLength(100);
        b.Property(f => f.VenueRegionCode).HasMaxLength(12);
        b.Property(f => f.VenueText).HasMaxLength(200);
        b.Property(f => f.Organisers).HasMaxLength(200);
        b.Property(f => f.ManagingRegionCode).HasMaxLength(6);
        b.Property(f => f.UpdatedBy).HasMaxLength(100);
        b.HasIndex(f => new { f.ManagingRegionCode, f.Date });
        b.HasIndex(f => new { f.Name, f.Date, f.VenueRegionCode }).IsUnique();
    }
}

internal sealed class FairEmployerConfiguration : IEntityTypeConfiguration<FairEmployer>
{
    public void Configure(EntityTypeBuilder<FairEmployer> b)
    {
        b.ToTable("emp_fair_employer");
        b.HasKey(x => x.Id);
        b.Property(x => x.Booth).HasMaxLength(20);
        b.HasOne<JobFair>().WithMany().HasForeignKey(x => x.FairId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Employers.Employer>().WithMany().HasForeignKey(x => x.EmployerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.FairId, x.EmployerId }).IsUnique();
    }
}

internal sealed class FairVacancyConfiguration : IEntityTypeConfiguration<FairVacancy>
{
    public void Configure(EntityTypeBuilder<FairVacancy> b)
    {
        b.ToTable("emp_fair_vacancy");
        b.HasKey(x => x.Id);
        b.HasOne<JobFair>().WithMany().HasForeignKey(x => x.FairId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Vacancies.Vacancy>().WithMany().HasForeignKey(x => x.VacancyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.FairId, x.VacancyId }).IsUnique();
    }
}

internal sealed class FairAttendanceConfiguration : IEntityTypeConfiguration<FairAttendance>
{
    public void Configure(EntityTypeBuilder<FairAttendance> b)
    {
        b.ToTable("emp_fair_attendance");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Name).HasMaxLength(20);
        b.Property(x => x.IdNumberHash).HasMaxLength(32);
        b.Property(x => x.IdNumberMasked).HasMaxLength(20);
        b.Property(x => x.RecordedBy).HasMaxLength(100);
        b.HasOne<JobFair>().WithMany().HasForeignKey(x => x.FairId).OnDelete(DeleteBehavior.Cascade);
        // One sign-in per person and fair.
        b.HasIndex(x => new { x.FairId, x.IdNumberHash }).IsUnique();
        b.HasIndex(x => x.RegionCode);
    }
}

internal sealed class FairIntentionConfiguration : IEntityTypeConfiguration<FairIntention>
{
    public void Configure(EntityTypeBuilder<FairIntention> b)
    {
        b.ToTable("emp_fair_intention");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.RecordedBy).HasMaxLength(100);
        b.HasOne<JobFair>().WithMany().HasForeignKey(x => x.FairId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<FairAttendance>().WithMany().HasForeignKey(x => x.AttendanceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Vacancies.Vacancy>().WithMany().HasForeignKey(x => x.VacancyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.AttendanceId, x.VacancyId }).IsUnique();
        b.HasIndex(x => x.RegionCode);
    }
}

internal sealed class VacancyInterestConfiguration : IEntityTypeConfiguration<VacancyInterest>
{
    public void Configure(EntityTypeBuilder<VacancyInterest> b)
    {
        b.ToTable("emp_vacancy_interest");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Name).HasMaxLength(20);
        b.Property(x => x.PhoneHash).HasMaxLength(32);
        b.Property(x => x.PhoneMasked).HasMaxLength(20);
        b.Property(x => x.IdNumberHash).HasMaxLength(32);
        b.Property(x => x.IdNumberMasked).HasMaxLength(20);
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.UpdatedBy).HasMaxLength(100);
        b.HasOne<Vacancies.Vacancy>().WithMany().HasForeignKey(x => x.VacancyId).OnDelete(DeleteBehavior.Restrict);
        // The same phone registering twice for one vacancy is one interest.
        b.HasIndex(x => new { x.VacancyId, x.PhoneHash }).IsUnique();
        b.HasIndex(x => new { x.RegionCode, x.State });
    }
}

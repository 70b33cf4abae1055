using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bangfu.Employment.Vacancies;

internal sealed class VacancyConfiguration : IEntityTypeConfiguration<Vacancy>
{
    public void Configure(EntityTypeBuilder<Vacancy> b)
    {
        b.ToTable("emp_vacancy");
        b.HasKey(v => v.Id);
        b.Property(v => v.Title).HasMaxLength(100);
        b.Property(v => v.OccupationCode).HasMaxLength(10);
        b.Property(v => v.WorkplaceRegionCode).HasMaxLength(12);
        b.Property(v => v.WorkplaceText).HasMaxLength(200);
        b.Property(v => v.EducationCode).HasMaxLength(4);
        b.Property(v => v.Skills).HasMaxLength(500);
        b.Property(v => v.HealthRequirement).HasMaxLength(200);
        b.Property(v => v.Shifts).HasMaxLength(200);
        b.Property(v => v.RejectionReason).HasMaxLength(500);
        b.Property(v => v.ReviewedBy).HasMaxLength(100);
        b.Property(v => v.ManagingRegionCode).HasMaxLength(6);
        b.Property(v => v.UpdatedBy).HasMaxLength(100);
        b.HasOne<Employers.Employer>().WithMany().HasForeignKey(v => v.EmployerId).OnDelete(DeleteBehavior.Restrict);
        // Open vacancies: published and not past their date, by occupation and by workplace.
        b.HasIndex(v => new { v.State, v.OccupationCode, v.ExpiresOn });
        b.HasIndex(v => new { v.State, v.WorkplaceRegionCode, v.ExpiresOn });
        // The online fair's default order: open vacancies, newest published first.
        b.HasIndex(v => new { v.State, v.PublishedAt });
        // The review queue and management lists of a county bureau.
        b.HasIndex(v => new { v.ManagingRegionCode, v.State });
        // One employer's vacancies; the import's de-duplication key (employer + title + workplace + occupation).
        b.HasIndex(v => new { v.EmployerId, v.Title, v.WorkplaceRegionCode, v.OccupationCode });
    }
}

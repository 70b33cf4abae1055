using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bangfu.Registry.People;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("reg_person");
        b.HasKey(p => new { p.CountyCode, p.Id });
        b.Property(p => p.CountyCode).HasMaxLength(6);
        b.Property(p => p.RegionCode).HasMaxLength(12);
        b.Property(p => p.PersonNumber).HasMaxLength(30);
        b.Property(p => p.Name).HasMaxLength(50);
        b.Property(p => p.IdNumberMasked).HasMaxLength(30);
        b.Property(p => p.PhoneMasked).HasMaxLength(20);
        b.Property(p => p.EmployerName).HasMaxLength(200);
        b.Property(p => p.WorkplaceText).HasMaxLength(200);
        b.Property(p => p.WorkplaceRegionCode).HasMaxLength(12);
        foreach (var code in new[]
                 {
                     nameof(Person.SexCode), nameof(Person.DocumentTypeCode), nameof(Person.EthnicityCode),
                     nameof(Person.RelationshipCode), nameof(Person.EducationCode), nameof(Person.SchoolStatusCode),
                     nameof(Person.LabourCapacityCode), nameof(Person.HealthCode), nameof(Person.PoliticalStatusCode),
                     nameof(Person.DropoutReasonCode), nameof(Person.IndustryCode), nameof(Person.PublicWelfareJobCode),
                     nameof(Person.EmploymentChannelCode), nameof(Person.DisabilityCode), nameof(Person.IdentificationStandardCode),
                 })
            b.Property(code).HasMaxLength(4);
        b.HasIndex(p => new { p.CountyCode, p.IdNumberHash }).IsUnique();
        b.HasIndex(p => p.IdNumberHash);
        b.HasIndex(p => new { p.RegionCode, p.HouseholdId });
        b.HasIndex(p => p.PersonNumber);
        // A person by id alone (person pages, matching, the person directory): the key leads with the county, so without
        // this every such lookup read the whole table.
        b.HasIndex(p => p.Id);
        b.HasOne<Households.Household>().WithMany()
            .HasForeignKey(p => new { p.CountyCode, p.HouseholdId })
            .OnDelete(DeleteBehavior.Restrict);
    }
}

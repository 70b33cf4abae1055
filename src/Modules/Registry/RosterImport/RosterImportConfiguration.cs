using Bangfu.Registry.DataQuality;
using Bangfu.Registry.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bangfu.Registry.RosterImport;

internal sealed class RosterImportRecordConfiguration : IEntityTypeConfiguration<RosterImportRecord>
{
    public void Configure(EntityTypeBuilder<RosterImportRecord> b)
    {
        b.ToTable("reg_roster_import");
        b.HasKey(i => i.Id);
        b.Property(i => i.RegionCode).HasMaxLength(12);
        b.Property(i => i.FileName).HasMaxLength(260);
        b.Property(i => i.FileSha256).HasMaxLength(64);
        b.Property(i => i.UserId).HasMaxLength(64);
        b.Property(i => i.UserName).HasMaxLength(100);
        b.Property(i => i.FileError).HasMaxLength(2000);
        b.HasIndex(i => new { i.RegionCode, i.CreatedAt });
        b.HasIndex(i => i.FileSha256);
    }
}

internal sealed class RosterImportIssueConfiguration : IEntityTypeConfiguration<RosterImportIssue>
{
    public void Configure(EntityTypeBuilder<RosterImportIssue> b)
    {
        b.ToTable("reg_roster_import_issue");
        b.HasKey(i => i.Id);
        b.Property(i => i.ColumnName).HasMaxLength(100);
        b.Property(i => i.Code).HasMaxLength(40);
        b.Property(i => i.Message).HasMaxLength(1000);
        b.Property(i => i.VillageCode).HasMaxLength(12);
        b.HasIndex(i => new { i.ImportId, i.Severity, i.RowNumber });
        b.HasOne<RosterImportRecord>().WithMany().HasForeignKey(i => i.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QualityIssueConfiguration : IEntityTypeConfiguration<QualityIssue>
{
    public void Configure(EntityTypeBuilder<QualityIssue> b)
    {
        b.ToTable("reg_quality_issue");
        b.HasKey(i => new { i.CountyCode, i.Id });
        b.Property(i => i.CountyCode).HasMaxLength(6);
        b.Property(i => i.RegionCode).HasMaxLength(12);
        b.Property(i => i.RuleCode).HasMaxLength(40);
        b.Property(i => i.ColumnName).HasMaxLength(100);
        b.Property(i => i.Message).HasMaxLength(1000);
        b.Property(i => i.ClosedBy).HasMaxLength(100);
        b.HasIndex(i => new { i.RegionCode, i.State, i.RuleCode });
        b.HasIndex(i => new { i.CountyCode, i.PersonId, i.State });
    }
}

internal sealed class PersonChangeConfiguration : IEntityTypeConfiguration<PersonChange>
{
    public void Configure(EntityTypeBuilder<PersonChange> b)
    {
        b.ToTable("reg_person_change");
        b.HasKey(c => new { c.CountyCode, c.Id });
        b.Property(c => c.CountyCode).HasMaxLength(6);
        b.Property(c => c.RegionCode).HasMaxLength(12);
        b.Property(c => c.Field).HasMaxLength(100);
        b.Property(c => c.OldValue).HasMaxLength(500);
        b.Property(c => c.NewValue).HasMaxLength(500);
        b.Property(c => c.ChangedBy).HasMaxLength(100);
        b.HasIndex(c => new { c.CountyCode, c.PersonId, c.ChangedAt });
    }
}

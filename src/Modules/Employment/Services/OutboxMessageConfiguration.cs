using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bangfu.Employment.Services;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("emp_outbox");
        b.HasKey(m => new { m.CountyCode, m.Id });
        b.Property(m => m.CountyCode).HasMaxLength(6);
        b.Property(m => m.RegionCode).HasMaxLength(12);
        b.Property(m => m.Text).HasMaxLength(1000);
        b.Property(m => m.RecipientPhoneMasked).HasMaxLength(20);
        b.Property(m => m.VacancyIds).HasMaxLength(4000);
        b.Property(m => m.Error).HasMaxLength(500);
        b.Property(m => m.CreatedBy).HasMaxLength(100);
        b.HasIndex(m => new { m.RegionCode, m.CreatedAt });
        b.HasIndex(m => new { m.State, m.CreatedAt });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bangfu.Employment.Services;

internal sealed class ServiceRecordConfiguration : IEntityTypeConfiguration<ServiceRecord>
{
    public void Configure(EntityTypeBuilder<ServiceRecord> b)
    {
        b.ToTable("emp_service");
        b.HasKey(s => new { s.CountyCode, s.Id });
        b.Property(s => s.CountyCode).HasMaxLength(6);
        b.Property(s => s.RegionCode).HasMaxLength(12);
        b.Property(s => s.By).HasMaxLength(100);
        b.Property(s => s.What).HasMaxLength(ServiceRecord.WhatMaxLength);
        b.Property(s => s.VacancyIds).HasMaxLength(4000);
        b.HasIndex(s => new { s.CountyCode, s.PersonId, s.Date });
        b.HasIndex(s => new { s.RegionCode, s.Date });
    }
}

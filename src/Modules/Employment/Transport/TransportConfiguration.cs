using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bangfu.Employment.Transport;

internal sealed class TransportBatchConfiguration : IEntityTypeConfiguration<TransportBatch>
{
    public void Configure(EntityTypeBuilder<TransportBatch> b)
    {
        b.ToTable("emp_transport_batch");
        b.HasKey(x => x.Id);
        b.Property(x => x.OrganiserRegionCode).HasMaxLength(12);
        b.Property(x => x.Organiser).HasMaxLength(100);
        b.Property(x => x.OriginRegionCode).HasMaxLength(12);
        b.Property(x => x.DestinationRegionCode).HasMaxLength(12);
        b.Property(x => x.EmployerName).HasMaxLength(200);
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        b.Ignore(x => x.Cost);
        b.Ignore(x => x.IsOpen);
        b.HasIndex(x => new { x.OrganiserRegionCode, x.TravelDate });
        b.HasIndex(x => x.TravelDate);
    }
}

internal sealed class TransportPassengerConfiguration : IEntityTypeConfiguration<TransportPassenger>
{
    public void Configure(EntityTypeBuilder<TransportPassenger> b)
    {
        b.ToTable("emp_transport_passenger");
        b.HasKey(x => new { x.CountyCode, x.Id });
        b.Property(x => x.CountyCode).HasMaxLength(6);
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.ArrivalConfirmedBy).HasMaxLength(100);
        b.Property(x => x.AddedBy).HasMaxLength(100);
        b.HasIndex(x => new { x.CountyCode, x.PersonId, x.BookedDate }).IsUnique();
        b.HasIndex(x => new { x.CountyCode, x.BatchId, x.PersonId }).IsUnique();
        b.HasIndex(x => x.BatchId);
        b.HasIndex(x => new { x.RegionCode, x.ArrivedOn });
    }
}

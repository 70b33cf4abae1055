using Bangfu.Platform.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bangfu.Identity.Tokens;

internal sealed class PersonalAccessTokenConfiguration : IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<PersonalAccessToken> b)
    {
        b.ToTable("idn_access_token");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.Name).HasMaxLength(PersonalAccessToken.MaxNameLength);
        b.Property(t => t.DisplayPrefix).HasMaxLength(20);
        b.Property(t => t.SecretHash).HasMaxLength(32);
        b.Property(t => t.Permissions).HasMaxLength(1000);
        b.Property(t => t.RegionCode).HasMaxLength(12);
        b.Ignore(t => t.PermissionList);
        b.Ignore(t => t.IsRevoked);
        b.HasIndex(t => t.SecretHash).IsUnique();
        b.HasIndex(t => t.UserId);
        // A deleted account takes its tokens with it.
        b.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bangfu.Identity.Passwords;

/// <summary>
/// A password a user had before (its hash only), so a new password can be refused when it repeats one of the last
/// <see cref="Security.SecurityOptions.PasswordHistory"/> (GB/T 22239-2019 8.1.4.1 a, 定期更换 — a change to an old
/// password is no change). Written by <see cref="Users.AppUserStore"/> whenever a password hash is replaced.
/// </summary>
public sealed class PasswordHistoryEntry
{
    private PasswordHistoryEntry() { }

    public PasswordHistoryEntry(string userId, string passwordHash, DateTimeOffset replacedAt)
    {
        UserId = userId;
        PasswordHash = passwordHash;
        ReplacedAt = replacedAt;
    }

    public long Id { get; private set; }
    public string UserId { get; private set; } = "";

    /// <summary>The Identity password hash (PBKDF2, salted) the user had until <see cref="ReplacedAt"/>.</summary>
    public string PasswordHash { get; private set; } = "";
    public DateTimeOffset ReplacedAt { get; private set; }
}

internal sealed class PasswordHistoryEntryConfiguration : IEntityTypeConfiguration<PasswordHistoryEntry>
{
    public void Configure(EntityTypeBuilder<PasswordHistoryEntry> b)
    {
        b.ToTable("idn_password_history");
        b.HasKey(e => e.Id);
        b.Property(e => e.UserId).HasMaxLength(64);
        b.Property(e => e.PasswordHash).HasMaxLength(200);
        b.HasIndex(e => new { e.UserId, e.ReplacedAt });
        b.HasOne<Platform.Users.AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

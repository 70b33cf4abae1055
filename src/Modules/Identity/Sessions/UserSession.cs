using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bangfu.Identity.Sessions;

/// <summary>
/// A signed-in session kept on the server (GB/T 22239-2019 8.1.4.1 b 登录失败处理和连接超时自动退出; ASVS 5.0 V7):
/// the browser's cookie holds only a random 32-byte key; the row holds its SHA-256, the user, when the session began,
/// was last used and must end at the latest, where from, and when and why it ended. An ended row refuses its key
/// for good, so a copied or replayed cookie is useless after sign-out, a timeout or an administrator's action.
/// </summary>
public sealed class UserSession
{
    private UserSession() { }

    public UserSession(byte[] keyHash, string userId, DateTimeOffset now, TimeSpan absolute, string? clientIp, string? userAgent, byte[] ticket)
    {
        Id = Guid.CreateVersion7(now);
        KeyHash = keyHash;
        UserId = userId;
        CreatedAt = now;
        LastSeenAt = now;
        ExpiresAt = now + absolute;
        ClientIp = clientIp;
        UserAgent = userAgent;
        Ticket = ticket;
    }

    public Guid Id { get; private set; }

    /// <summary>SHA-256 of the cookie's key; the key itself is never stored.</summary>
    public byte[] KeyHash { get; private set; } = [];
    public string UserId { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset LastSeenAt { get; private set; }

    /// <summary>The absolute end: sign-in time plus <c>Security:AbsoluteHours</c>.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }
    public string? ClientIp { get; private set; }

    /// <summary>A short description of the browser and system (<see cref="UserAgentSummary"/>), not the full header.</summary>
    public string? UserAgent { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>One of <see cref="SessionEndReason"/>.</summary>
    public string? EndReason { get; private set; }

    /// <summary>The authentication ticket (claims), serialised and encrypted with ASP.NET Core data protection.</summary>
    public byte[] Ticket { get; private set; } = [];

    public bool IsActive(DateTimeOffset now, TimeSpan idle) => EndedAt is null && now < ExpiresAt && now - LastSeenAt < idle;

    /// <summary>Why the session can no longer be used at <paramref name="now"/>, or null while it can.</summary>
    public string? Expiry(DateTimeOffset now, TimeSpan idle) =>
        now >= ExpiresAt ? SessionEndReason.Absolute : now - LastSeenAt >= idle ? SessionEndReason.Idle : null;

    public void Renew(byte[] ticket) => Ticket = ticket;

    public void Seen(DateTimeOffset now) => LastSeenAt = now;

    public void End(DateTimeOffset now, string reason)
    {
        if (EndedAt is not null) return;
        EndedAt = now;
        EndReason = reason;
    }
}

/// <summary>Why a session ended (stored as these Chinese words, shown as they are).</summary>
public static class SessionEndReason
{
    public const string SignedOut = "退出登录";
    public const string Idle = "空闲超时";
    public const string Absolute = "超过最长登录时间";
    public const string EndedByUser = "本人结束";
    public const string Disabled = "账号停用";
    public const string PasswordReset = "管理员重置密码";
    public const string Renewed = "重新登录";
    public const string Unreadable = "票据无法解密";
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.ToTable("idn_session");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.KeyHash).HasMaxLength(32);
        b.HasIndex(s => s.KeyHash).IsUnique();
        b.Property(s => s.UserId).HasMaxLength(64);
        b.HasIndex(s => new { s.UserId, s.EndedAt });
        b.Property(s => s.ClientIp).HasMaxLength(64);
        b.Property(s => s.UserAgent).HasMaxLength(100);
        b.Property(s => s.EndReason).HasMaxLength(20);
        b.HasOne<Platform.Users.AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

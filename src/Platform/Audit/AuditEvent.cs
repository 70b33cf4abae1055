using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bangfu.Platform.Audit;

/// <summary>
/// One entry of the audit trail (审计日志), kept at least 184 days (Cybersecurity Law art. 21(3): network logs kept no
/// less than six months). Entries are append-only and hash-chained: <see cref="Hash"/> = SHA-256 of the previous entry's
/// hash and this entry's content, so an edited or deleted entry breaks the chain (<see cref="AuditTrail.VerifyAsync"/>).
/// Details never hold a full ID number or phone: personal values are masked before they are recorded.
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; set; }

    /// <summary>UTC, from the injected clock.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>认证 (authentication), 权限 (permissions), 人员 (registry), 导入, 导出, 审批, 安全, 系统.</summary>
    public string Category { get; set; } = "";

    /// <summary>What happened, e.g. sign-in, person.view, person.unmask, export.roster.</summary>
    public string Name { get; set; } = "";
    public string? UserId { get; set; }
    public string? UserName { get; set; }

    /// <summary>成功 or 失败 (and a short reason after a colon).</summary>
    public string Result { get; set; } = "";
    public string? ClientIp { get; set; }
    public string? CorrelationId { get; set; }

    /// <summary>The record acted on (an id, a region code, a file name), never a personal identifier.</summary>
    public string? Target { get; set; }

    /// <summary>Details as JSON (counts, reasons, old and new values masked where personal).</summary>
    public string? Details { get; set; }

    /// <summary>The region the action concerns, when there is one.</summary>
    public string? RegionCode { get; set; }
    public byte[] PreviousHash { get; set; } = [];
    public byte[] Hash { get; set; } = [];
}

/// <summary>The head of the hash chain: the last entry's id and hash, one row, locked by each append.</summary>
public sealed class AuditChain
{
    public int Id { get; set; } = 1;
    public long LastId { get; set; }
    public byte[] LastHash { get; set; } = [];

    /// <summary>Entries up to this id were trimmed by retention; verification starts after it.</summary>
    public long TrimmedThroughId { get; set; }
    public byte[] TrimmedThroughHash { get; set; } = [];
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.ToTable("aud_event");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Category).HasMaxLength(20);
        b.Property(e => e.Name).HasMaxLength(60);
        b.Property(e => e.UserId).HasMaxLength(64);
        b.Property(e => e.UserName).HasMaxLength(100);
        b.Property(e => e.Result).HasMaxLength(200);
        b.Property(e => e.ClientIp).HasMaxLength(64);
        b.Property(e => e.CorrelationId).HasMaxLength(64);
        b.Property(e => e.Target).HasMaxLength(200);
        b.Property(e => e.RegionCode).HasMaxLength(12);
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.UserName, e.At });
    }
}

internal sealed class AuditChainConfiguration : IEntityTypeConfiguration<AuditChain>
{
    public void Configure(EntityTypeBuilder<AuditChain> b)
    {
        b.ToTable("aud_chain");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
    }
}

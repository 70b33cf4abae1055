using Bangfu.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Platform.Audit;

/// <summary>
/// How long audit entries are kept: <c>Audit:RetentionDays</c> (default 365). A smaller value is raised to
/// <see cref="AuditTrailProtection.LegalMinimumDays"/>: network logs are kept no less than six months (Cybersecurity Law
/// art. 21(3)), and the database refuses to delete younger entries anyway.
/// </summary>
public sealed record AuditRetentionSettings(int ConfiguredDays)
{
    public const int DefaultDays = 365;

    /// <summary>The retention applied: the configured days, at least the legal minimum.</summary>
    public int Days => Math.Max(ConfiguredDays, AuditTrailProtection.LegalMinimumDays);

    public static AuditRetentionSettings From(IConfiguration configuration)
    {
        var text = configuration["Audit:RetentionDays"];
        if (string.IsNullOrWhiteSpace(text)) return new AuditRetentionSettings(DefaultDays);
        return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var days)
            ? new AuditRetentionSettings(days)
            : throw new InvalidOperationException($"配置 Audit:RetentionDays 的值“{text}”无效，应为天数（不少于 {AuditTrailProtection.LegalMinimumDays}）。");
    }
}

/// <summary>What a retention run removed: entries, and the id the chain is now anchored at.</summary>
public sealed record AuditTrimResult(long Removed, long TrimmedThroughId, DateTimeOffset Cutoff);

/// <summary>
/// Retention of the audit trail: deletes the oldest entries, those older than <see cref="AuditRetentionSettings.Days"/>,
/// and moves the chain's anchor (<see cref="AuditChain.TrimmedThroughId"/> and its hash) to the last deleted entry, so
/// <see cref="AuditTrail.VerifyAsync"/> still checks everything that is left from a known hash.
/// <para>Only a prefix of the chain is ever removed (entries in id order up to the first one still within retention),
/// in batches of <see cref="BatchSize"/>, each in its own transaction holding the chain head, so appends wait a moment
/// and verification passes between batches. Each batch is verified before it is deleted: a broken chain stops the
/// trim, so retention never destroys the evidence of tampering.</para>
/// </summary>
public sealed class AuditRetention(IServiceScopeFactory scopes, AuditRetentionSettings settings, TimeProvider clock, AuditTrail trail)
{
    public const int BatchSize = 10_000;

    /// <exception cref="InvalidOperationException">The part of the chain due for deletion is broken (nothing of it is deleted).</exception>
    public async Task<AuditTrimResult> TrimAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow().AddDays(-settings.Days);
        long removed = 0, through;
        while (true)
        {
            var (batch, anchor) = await TrimBatchAsync(cutoff, cancellationToken);
            through = anchor;
            if (batch == 0) break;
            removed += batch;
        }
        if (removed > 0)
            await trail.RecordAsync(new AuditEntry(AuditCategories.System, AuditEvents.AuditTrim,
                Details: new { removed, trimmedThroughId = through, retentionDays = settings.Days, cutoff }), cancellationToken);
        return new AuditTrimResult(removed, through, cutoff);
    }

    private async Task<(long Removed, long Anchor)> TrimBatchAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("UPDATE aud_chain SET last_id = last_id WHERE id = 1", ct);
        var head = await db.Set<AuditChain>().SingleOrDefaultAsync(c => c.Id == 1, ct);
        if (head is null) return (0, 0);
        var from = head.TrimmedThroughId;
        var firstKept = await db.Set<AuditEvent>().Where(e => e.Id > from && e.At >= cutoff).MinAsync(e => (long?)e.Id, ct);
        var upTo = Math.Min((firstKept ?? head.LastId + 1) - 1, from + BatchSize);
        if (upTo <= from) return (0, from);

        var previous = from == 0 ? new byte[32] : head.TrimmedThroughHash;
        var expected = from + 1;
        await foreach (var e in db.Set<AuditEvent>().AsNoTracking().Where(e => e.Id > from && e.Id <= upTo).OrderBy(e => e.Id)
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            if (e.Id != expected || !AuditTrail.Follows(e, previous))
                throw new InvalidOperationException($"审计日志第 {expected} 条缺失或被改动，保留期清理已停止（未删除任何记录）。请先运行 audit verify 并调查。");
            previous = e.Hash;
            expected++;
        }
        if (expected != upTo + 1)
            throw new InvalidOperationException($"审计日志第 {expected} 条缺失，保留期清理已停止（未删除任何记录）。请先运行 audit verify 并调查。");

        var deleted = await db.Set<AuditEvent>().Where(e => e.Id > from && e.Id <= upTo).ExecuteDeleteAsync(ct);
        head.TrimmedThroughId = upTo;
        head.TrimmedThroughHash = previous;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (deleted, upTo);
    }
}

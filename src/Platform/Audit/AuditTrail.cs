using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bangfu.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Platform.Audit;

/// <summary>
/// Who is acting, from where: set by the web host per request (user, client IP, correlation id), by the CLI (the
/// operating-system user, client "CLI"), and copied into the scope of a background job from whoever enqueued it.
/// </summary>
public sealed class AuditActor
{
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public string? ClientIp { get; set; }
    public string? CorrelationId { get; set; }

    /// <summary>Takes over who, from where and the correlation id of <paramref name="other"/>.</summary>
    public void CopyFrom(AuditActor other)
    {
        UserId = other.UserId;
        UserName = other.UserName;
        ClientIp = other.ClientIp;
        CorrelationId = other.CorrelationId;
    }
}

/// <summary>What to record: category, event name, result, the record acted on, details (masked), region.</summary>
public sealed record AuditEntry(string Category, string Name, string Result = AuditEntry.Success, string? Target = null,
    object? Details = null, string? RegionCode = null)
{
    public const string Success = "成功";
    public const string Failure = "失败";
}

/// <summary>The outcome of verifying the chain, and when it was verified.</summary>
public sealed record AuditVerification(bool Intact, long Checked, long? FirstBrokenId, string Message)
{
    public DateTimeOffset At { get; init; }
}

/// <summary>The latest verdict of this process (the auditor's page shows it without reading the whole trail again).</summary>
public sealed class AuditVerificationStatus
{
    public AuditVerification? Latest { get; internal set; }
}

/// <summary>
/// Appends to the audit trail and verifies it. Each append runs in its own transaction on its own connection (a fresh
/// DI scope), after the business work it records, and takes the chain head row, so appends are serialised on both
/// providers and the chain has no forks.
/// <para>Details are JSON (camelCase keys). Whatever a caller passes, a full resident ID number or mobile number in the
/// target, result or details is masked before it is stored (GB/T 35273-2020 §7.2; see <see cref="AuditScrubber"/>).</para>
/// </summary>
public sealed class AuditTrail(IServiceScopeFactory scopes, AuditActor actor, TimeProvider clock, AuditVerificationStatus status)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    /// <summary>Who the entries of this scope are recorded for (to hand on to background work).</summary>
    public AuditActor Actor => actor;

    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            // Locks the head row on PostgreSQL; SQLite's write lock serialises the transaction anyway.
            await db.Database.ExecuteSqlRawAsync("UPDATE aud_chain SET last_id = last_id WHERE id = 1", cancellationToken);
            var head = await db.Set<AuditChain>().SingleOrDefaultAsync(c => c.Id == 1, cancellationToken);
            if (head is null)
            {
                head = new AuditChain { Id = 1, LastId = 0, LastHash = new byte[32] };
                db.Add(head);
            }
            var e = new AuditEvent
            {
                Id = head.LastId + 1,
                At = Microseconds(clock.GetUtcNow()),
                Category = Truncate(entry.Category, 20)!,
                Name = Truncate(entry.Name, 60)!,
                UserId = actor.UserId,
                UserName = actor.UserName,
                Result = Truncate(AuditScrubber.Scrub(entry.Result), 200)!,
                ClientIp = actor.ClientIp,
                CorrelationId = actor.CorrelationId,
                Target = Truncate(AuditScrubber.Scrub(entry.Target), 200),
                Details = AuditScrubber.Scrub(entry.Details is null ? null : entry.Details as string ?? JsonSerializer.Serialize(entry.Details, Json)),
                RegionCode = Truncate(entry.RegionCode, 12),
                PreviousHash = head.LastHash,
            };
            e.Hash = HashOf(e);
            db.Add(e);
            head.LastId = e.Id;
            head.LastHash = e.Hash;
            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
        });
    }

    /// <summary>Recomputes the chain from the retention anchor; reports the first entry that was edited, removed or inserted.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var verdict = await CheckAsync(cancellationToken) with { At = clock.GetUtcNow() };
        status.Latest = verdict;
        return verdict;
    }

    private async Task<AuditVerification> CheckAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var head = await db.Set<AuditChain>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == 1, cancellationToken);
        if (head is null) return new AuditVerification(true, 0, null, "审计日志为空。");
        var expectedId = head.TrimmedThroughId + 1;
        var previous = head.TrimmedThroughId == 0 ? new byte[32] : head.TrimmedThroughHash;
        long checkedCount = 0;
        await foreach (var e in db.Set<AuditEvent>().AsNoTracking().Where(e => e.Id > head.TrimmedThroughId).OrderBy(e => e.Id)
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (e.Id != expectedId)
                return new AuditVerification(false, checkedCount, expectedId, $"第 {expectedId} 条审计记录缺失（被删除）。");
            if (!Follows(e, previous))
                return new AuditVerification(false, checkedCount, e.Id, $"第 {e.Id} 条审计记录被改动，哈希链在此断开。");
            previous = e.Hash;
            expectedId++;
            checkedCount++;
        }
        if (expectedId - 1 != head.LastId)
            return new AuditVerification(false, checkedCount, expectedId, $"第 {expectedId} 条至第 {head.LastId} 条审计记录缺失（被删除）。");
        return new AuditVerification(true, checkedCount, null, $"审计日志完整：校验 {checkedCount} 条，哈希链无断点。");
    }

    /// <summary>Whether <paramref name="e"/> links to <paramref name="previous"/> and its hash matches its content.</summary>
    internal static bool Follows(AuditEvent e, byte[] previous) =>
        e.PreviousHash.AsSpan().SequenceEqual(previous) && e.Hash.AsSpan().SequenceEqual(HashOf(e));

    internal static byte[] HashOf(AuditEvent e)
    {
        var text = string.Join('\u001f', e.Id, e.At.UtcTicks, e.Category, e.Name, e.UserId, e.UserName, e.Result, e.ClientIp,
            e.CorrelationId, e.Target, e.Details, e.RegionCode);
        var bytes = Encoding.UTF8.GetBytes(text);
        var input = new byte[e.PreviousHash.Length + bytes.Length];
        e.PreviousHash.CopyTo(input, 0);
        bytes.CopyTo(input, e.PreviousHash.Length);
        return SHA256.HashData(input);
    }

    // PostgreSQL keeps instants to the microsecond: the hash must cover the instant as it will be read back.
    private static DateTimeOffset Microseconds(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % 10, TimeSpan.Zero);

    private static string? Truncate(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}

using Bangfu.Identity.Security;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bangfu.Identity.Sessions;

/// <summary>A session as the sessions page shows it.</summary>
public sealed record SessionView(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, string? ClientIp, string? Device);

/// <summary>
/// A user's live sessions: listing them and ending one or all (ASVS 5.0 7.4.3, 7.5.2: a user sees their active sessions
/// and can end any of them; disabling an account ends its sessions at once).
/// </summary>
public sealed class SessionService(AppDbContext db, AuditTrail audit, IOptions<SecurityOptions> options, TimeProvider clock)
{
    /// <summary>The user's sessions that are still usable, the most recently used first.</summary>
    public async Task<IReadOnlyList<SessionView>> ActiveAsync(string userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var seenAfter = now - options.Value.Idle;
        return await db.Set<UserSession>().AsNoTracking()
            .Where(s => s.UserId == userId && s.EndedAt == null && s.ExpiresAt > now && s.LastSeenAt > seenAfter)
            .OrderByDescending(s => s.LastSeenAt)
            .Select(s => new SessionView(s.Id, s.CreatedAt, s.LastSeenAt, s.ClientIp, s.UserAgent))
            .ToListAsync(ct);
    }

    /// <summary>Ends one of the user's sessions; false when it is not theirs or has already ended.</summary>
    public async Task<bool> EndAsync(string userId, Guid sessionId, string reason, CancellationToken ct = default)
    {
        var ended = await EndWhereAsync(s => s.UserId == userId && s.Id == sessionId, reason, ct);
        return ended > 0;
    }

    /// <summary>Ends every live session of a user (disabled account, password reset); returns how many.</summary>
    public Task<int> EndAllAsync(string userId, string reason, CancellationToken ct = default) =>
        EndWhereAsync(s => s.UserId == userId, reason, ct);

    private async Task<int> EndWhereAsync(System.Linq.Expressions.Expression<Func<UserSession, bool>> which, string reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var sessions = await db.Set<UserSession>().Where(which).Where(s => s.EndedAt == null).ToListAsync(ct);
        if (sessions.Count == 0) return 0;
        foreach (var session in sessions) session.End(now, reason);
        await db.SaveChangesAsync(ct);
        foreach (var session in sessions)
            await audit.RecordAsync(new AuditEntry(AuthenticationEvents.Category, AuthenticationEvents.SessionEnded, AuditEntry.Success,
                session.Id.ToString(), new { reason }), ct);
        return sessions.Count;
    }
}

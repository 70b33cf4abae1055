using Bangfu.Platform.Data;
using Bangfu.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Identity.Tokens;

/// <summary>What an officer asks for when creating a token.</summary>
/// <param name="Name">A name to recognise it by, 1-100 characters.</param>
/// <param name="ExpiresInDays">Lifetime in days, 1 to <see cref="PersonalAccessToken.MaxLifetimeDays"/>.</param>
/// <param name="Permissions">Permission names (<see cref="Platform.Security.Permissions"/>), a non-empty subset of the officer's.</param>
/// <param name="RegionCode">A division code inside the officer's scope, or null/empty to follow the officer's scope.</param>
public sealed record AccessTokenRequest(string? Name, int ExpiresInDays, IReadOnlyCollection<string> Permissions, string? RegionCode);

/// <summary>The officer creating a token, as they are signed in now: their id, permissions and scope prefix ("" nationwide, null none).</summary>
public sealed record AccessTokenOwner(string UserId, IReadOnlySet<string> Permissions, string? ScopePrefix);

/// <summary>A token just created, with the secret that is shown once and never again.</summary>
public sealed record IssuedAccessToken(PersonalAccessToken Token, string Secret);

/// <summary>A request the service refuses, with the form field it concerns and a Chinese message.</summary>
public sealed class AccessTokenRequestException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>Why a presented token does not authenticate (the caller answers 401 in every case, and says only which).</summary>
public enum AccessTokenRejection
{
    None,
    Malformed,
    Unknown,
    Revoked,
    Expired,
}

/// <summary>
/// Personal access tokens: create (a subset of the creator's permissions, a scope inside theirs, at most a year),
/// list and revoke one's own, and find the token a request presents. Whether the token's officer may still act, and
/// with what, is decided per request by the web host from the officer's current account (see the API's token handler).
/// </summary>
public sealed class AccessTokenService(AppDbContext db, TimeProvider clock)
{
    /// <summary>Active tokens an officer may hold at once.</summary>
    public const int MaxActivePerUser = 20;

    /// <exception cref="AccessTokenRequestException">A field is missing or asks for more than the officer holds.</exception>
    public async Task<IssuedAccessToken> CreateAsync(AccessTokenOwner owner, AccessTokenRequest request, CancellationToken ct = default)
    {
        var name = request.Name?.Trim() ?? "";
        if (name.Length == 0) throw new AccessTokenRequestException(nameof(request.Name), "请填写令牌名称，例如“县数据交换程序”。");
        if (name.Length > PersonalAccessToken.MaxNameLength)
            throw new AccessTokenRequestException(nameof(request.Name), $"令牌名称不能超过 {PersonalAccessToken.MaxNameLength} 个字。");
        if (request.ExpiresInDays is < 1 or > PersonalAccessToken.MaxLifetimeDays)
            throw new AccessTokenRequestException(nameof(request.ExpiresInDays), $"有效期应为 1 至 {PersonalAccessToken.MaxLifetimeDays} 天。");
        var permissions = request.Permissions.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct().ToList();
        if (permissions.Count == 0) throw new AccessTokenRequestException(nameof(request.Permissions), "请至少选择一项权限。");
        if (permissions.FirstOrDefault(p => !Permissions.All.Contains(p) || !owner.Permissions.Contains(p)) is { } extra)
            throw new AccessTokenRequestException(nameof(request.Permissions), $"您没有“{extra}”权限，不能授予令牌。");
        var region = string.IsNullOrWhiteSpace(request.RegionCode) ? null : request.RegionCode.Trim();
        if (owner.ScopePrefix is null) throw new AccessTokenRequestException(nameof(request.RegionCode), "您的账号没有管辖区域，不能创建令牌。");
        if (region is not null)
        {
            if (region.Length is not (2 or 4 or 6 or 9 or 12) || !region.All(char.IsAsciiDigit))
                throw new AccessTokenRequestException(nameof(request.RegionCode), "区划代码应为 2、4、6、9 或 12 位数字。");
            if (!region.StartsWith(owner.ScopePrefix, StringComparison.Ordinal))
                throw new AccessTokenRequestException(nameof(request.RegionCode), "令牌的区域必须在您的管辖区域之内。");
            if (region == owner.ScopePrefix) region = null;
        }
        var now = clock.GetUtcNow();
        var active = await db.Set<PersonalAccessToken>().Where(t => t.UserId == owner.UserId && t.RevokedAt == null && t.ExpiresAt > now).CountAsync(ct);
        if (active >= MaxActivePerUser)
            throw new AccessTokenRequestException(nameof(request.Name), $"您已有 {MaxActivePerUser} 个有效令牌，请先撤销不用的令牌。");
        var (token, secret) = PersonalAccessToken.Issue(owner.UserId, name, permissions, region, now, now.AddDays(request.ExpiresInDays));
        db.Add(token);
        await db.SaveChangesAsync(ct);
        return new IssuedAccessToken(token, secret);
    }

    /// <summary>An officer's tokens, newest first (revoked and expired ones included, for the record).</summary>
    public async Task<IReadOnlyList<PersonalAccessToken>> ListAsync(string userId, CancellationToken ct = default) =>
        await db.Set<PersonalAccessToken>().AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.Id).ToListAsync(ct);

    /// <summary>Revokes one of the officer's own tokens; null when they have no such token.</summary>
    public async Task<PersonalAccessToken?> RevokeAsync(string userId, Guid tokenId, CancellationToken ct = default)
    {
        var token = await db.Set<PersonalAccessToken>().SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct);
        if (token is null) return null;
        token.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>The token a request presents, if it exists and is neither revoked nor expired.</summary>
    public async Task<(PersonalAccessToken? Token, AccessTokenRejection Rejection)> FindUsableAsync(string? presented, CancellationToken ct = default)
    {
        if (!PersonalAccessToken.LooksLikeSecret(presented)) return (null, AccessTokenRejection.Malformed);
        var hash = PersonalAccessToken.HashOf(presented!);
        var token = await db.Set<PersonalAccessToken>().AsNoTracking().SingleOrDefaultAsync(t => t.SecretHash == hash, ct);
        // The lookup is by hash, so the database's comparison learns nothing of the secret; the fixed-time check guards the rest.
        if (token is null || !token.Matches(hash)) return (null, AccessTokenRejection.Unknown);
        var now = clock.GetUtcNow();
        if (token.IsRevoked) return (null, AccessTokenRejection.Revoked);
        if (token.IsExpiredAt(now)) return (null, AccessTokenRejection.Expired);
        return (token, AccessTokenRejection.None);
    }

    /// <summary>Records that the token was used now (written at most once a minute per token).</summary>
    public async Task MarkUsedAsync(PersonalAccessToken token, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (!token.LastUseIsStale(now)) return;
        token.MarkUsed(now);
        await db.Set<PersonalAccessToken>().Where(t => t.Id == token.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.LastUsedAt, now), ct);
    }
}

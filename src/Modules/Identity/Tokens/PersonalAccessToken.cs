using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Bangfu.Identity.Tokens;

/// <summary>
/// A personal access token (个人访问令牌): lets a program call the API as the officer who created it, with a subset of
/// their permissions and optionally a narrower region scope, until it expires or is revoked.
/// <para>The secret is <c>bfpat_</c> followed by 32 random bytes in base64url (43 characters), shown once at creation.
/// Only its SHA-256 is stored: a stolen database yields no usable token. A random 256-bit secret needs no slow,
/// salted hash (that protects guessable passwords); one SHA-256 keeps the per-request check cheap.</para>
/// </summary>
public sealed class PersonalAccessToken
{
    /// <summary>The recognisable prefix of every token, so secret scanners and people can tell what a leaked string is.</summary>
    public const string SecretPrefix = "bfpat_";

    /// <summary>Tokens live at most a year (GB/T 22239-2019 8.1.4.1: credentials are changed periodically).</summary>
    public const int MaxLifetimeDays = 365;

    public const int MaxNameLength = 100;

    private const int SecretBytes = 32;

    private PersonalAccessToken() { }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    /// <summary>The officer the token acts for (an <c>idn_user</c> id).</summary>
    public string UserId { get; private init; } = "";

    /// <summary>What the officer calls it (e.g. 县数据交换程序).</summary>
    public string Name { get; private init; } = "";

    /// <summary>The first characters of the secret (<c>bfpat_Ab3x</c>), to tell tokens apart in the list.</summary>
    public string DisplayPrefix { get; private init; } = "";

    /// <summary>SHA-256 of the whole secret (UTF-8), 32 bytes.</summary>
    public byte[] SecretHash { get; private init; } = [];

    /// <summary>The permissions granted, space-separated (a subset of the officer's at creation).</summary>
    public string Permissions { get; private init; } = "";

    /// <summary>A region scope inside the officer's own, or null to follow the officer's scope.</summary>
    public string? RegionCode { get; private init; }

    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset ExpiresAt { get; private init; }
    public DateTimeOffset? LastUsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public IReadOnlyList<string> PermissionList => Permissions.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// A new token and its secret (to be shown once). Arguments are checked by <see cref="AccessTokenService"/>; this
    /// only refuses what would make a broken record.
    /// </summary>
    internal static (PersonalAccessToken Token, string Secret) Issue(string userId, string name, IEnumerable<string> permissions,
        string? regionCode, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (expiresAt <= now) throw new ArgumentOutOfRangeException(nameof(expiresAt), "有效期必须晚于现在。");
        var secret = SecretPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        var token = new PersonalAccessToken
        {
            UserId = userId,
            Name = name.Trim(),
            DisplayPrefix = secret[..(SecretPrefix.Length + 4)],
            SecretHash = HashOf(secret),
            Permissions = string.Join(' ', permissions.Distinct().Order(StringComparer.Ordinal)),
            RegionCode = string.IsNullOrEmpty(regionCode) ? null : regionCode,
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        return (token, secret);
    }

    /// <summary>Whether a presented string has the shape of a token (prefix and 43 base64url characters).</summary>
    public static bool LooksLikeSecret(string? presented) =>
        presented is { Length: 49 } && presented.StartsWith(SecretPrefix, StringComparison.Ordinal)
                                   && Base64Url.IsValid(presented.AsSpan(SecretPrefix.Length), out var decoded) && decoded == SecretBytes;

    public static byte[] HashOf(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>Compares the stored hash with the hash of a presented secret in constant time.</summary>
    public bool Matches(ReadOnlySpan<byte> presentedHash) => CryptographicOperations.FixedTimeEquals(SecretHash, presentedHash);

    public bool IsRevoked => RevokedAt is not null;

    public bool IsExpiredAt(DateTimeOffset now) => now >= ExpiresAt;

    public bool IsUsableAt(DateTimeOffset now) => !IsRevoked && !IsExpiredAt(now);

    /// <summary>Revokes the token; revoking twice keeps the first time.</summary>
    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    /// <summary>Whether the last-used time is stale enough to be written again (at most once a minute per token).</summary>
    public bool LastUseIsStale(DateTimeOffset now) => LastUsedAt is not { } last || now - last >= TimeSpan.FromMinutes(1);

    internal void MarkUsed(DateTimeOffset now) => LastUsedAt = now;
}

using Bangfu.Identity.Passwords;
using Bangfu.Platform.Data;
using Bangfu.Platform.Security;
using Bangfu.Platform.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Bangfu.Identity.Users;

/// <summary>
/// Identity's EF Core user store with three changes for level-3 protection of authentication data
/// (GB/T 22239-2019 8.1.4.8 保密性: 鉴别数据在存储过程中的保密性):
/// a replaced password hash is kept in <see cref="PasswordHistoryEntry"/>; recovery codes are stored as keyed hashes
/// (HMAC with the personal-data hash key, which is not in the database) instead of Identity's plain text; and the
/// authenticator (TOTP) secret is stored encrypted (AES-GCM, personal-data keys) instead of in plain text.
/// </summary>
public sealed class AppUserStore(AppDbContext context, PersonalDataProtector protector, TimeProvider clock, IdentityErrorDescriber? describer = null)
    : UserStore<AppUser, AppRole, AppDbContext>(context, describer)
{
    // Identity's own names for these tokens (UserStoreBase), so its other code paths find them.
    private const string InternalLoginProvider = "[AspNetUserStore]";
    private const string RecoveryCodeTokenName = "RecoveryCodes";
    private const string AuthenticatorKeyTokenName = "AuthenticatorKey";
    private const string RecoveryCodePurpose = "recovery-code";

    public override Task SetPasswordHashAsync(AppUser user, string? passwordHash, CancellationToken cancellationToken = default)
    {
        if (user.PasswordHash is { Length: > 0 } old && old != passwordHash && !string.IsNullOrEmpty(user.Id))
            Context.Add(new PasswordHistoryEntry(user.Id, old, clock.GetUtcNow()));
        return base.SetPasswordHashAsync(user, passwordHash, cancellationToken);
    }

    public override Task ReplaceCodesAsync(AppUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken)
    {
        var hashed = string.Join(";", recoveryCodes.Select(HashCode));
        return SetTokenAsync(user, InternalLoginProvider, RecoveryCodeTokenName, hashed, cancellationToken);
    }

    public override async Task<bool> RedeemCodeAsync(AppUser user, string code, CancellationToken cancellationToken)
    {
        var merged = await GetTokenAsync(user, InternalLoginProvider, RecoveryCodeTokenName, cancellationToken) ?? "";
        var codes = merged.Split(';', StringSplitOptions.RemoveEmptyEntries);
        var hashed = HashCode(code);
        if (!codes.Contains(hashed, StringComparer.Ordinal)) return false;
        await SetTokenAsync(user, InternalLoginProvider, RecoveryCodeTokenName,
            string.Join(";", codes.Where(c => c != hashed)), cancellationToken);
        return true;
    }

    public override Task SetAuthenticatorKeyAsync(AppUser user, string key, CancellationToken cancellationToken) =>
        SetTokenAsync(user, InternalLoginProvider, AuthenticatorKeyTokenName, Convert.ToBase64String(protector.Encrypt(key)), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(AppUser user, CancellationToken cancellationToken)
    {
        var stored = await GetTokenAsync(user, InternalLoginProvider, AuthenticatorKeyTokenName, cancellationToken);
        return stored is null ? null : protector.Decrypt(Convert.FromBase64String(stored));
    }

    private string HashCode(string code) =>
        Convert.ToBase64String(protector.Hash(RecoveryCodePurpose, code.Replace(" ", "").ToUpperInvariant()));
}

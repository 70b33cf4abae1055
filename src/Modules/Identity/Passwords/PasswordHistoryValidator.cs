using Bangfu.Identity.Security;
using Bangfu.Platform.Data;
using Bangfu.Platform.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bangfu.Identity.Passwords;

/// <summary>
/// Refuses a new password that matches the current one or one of the previous ones, up to
/// <see cref="SecurityOptions.PasswordHistory"/> in all (GB/T 22239-2019 8.1.4.1 a; ASVS 5.0 6.2 — the current password
/// counts, so "the last 5" is the current and the four before it).
/// </summary>
public sealed class PasswordHistoryValidator(AppDbContext db, IPasswordHasher<AppUser> hasher, IOptions<SecurityOptions> options)
    : IPasswordValidator<AppUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var keep = options.Value.PasswordHistory;
        if (keep <= 0 || string.IsNullOrEmpty(password) || string.IsNullOrEmpty(user.Id)) return IdentityResult.Success;
        var hashes = new List<string>();
        if (user.PasswordHash is { } current) hashes.Add(current);
        hashes.AddRange(await db.Set<PasswordHistoryEntry>().AsNoTracking().Where(h => h.UserId == user.Id)
            .OrderByDescending(h => h.ReplacedAt).ThenByDescending(h => h.Id).Select(h => h.PasswordHash)
            .Take(keep).ToListAsync());
        foreach (var hash in hashes.Distinct().Take(keep))
        {
            if (hasher.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Failed)
                return IdentityResult.Failed(new IdentityError
                {
                    Code = "PasswordReused",
                    Description = $"新密码不能与最近 {keep} 次使用过的密码相同。",
                });
        }
        return IdentityResult.Success;
    }
}

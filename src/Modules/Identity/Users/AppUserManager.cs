using Bangfu.Platform.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bangfu.Identity.Users;

/// <summary>
/// Identity's user manager on the injected clock. Identity's own lockout reads <see cref="DateTimeOffset.UtcNow"/>; this
/// one reads <see cref="TimeProvider"/>, so the lockout of GB/T 22239-2019 8.1.4.1 b (登录失败处理) runs on the same clock as
/// sessions and audit and can be tested by advancing it. Every password change, reset or first password also stamps
/// <see cref="AppUser.PasswordChangedAt"/>, from which the password's age (定期更换) is reckoned.
/// </summary>
public sealed class AppUserManager(
    IUserStore<AppUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> logger,
    TimeProvider clock)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<bool> IsLockedOutAsync(AppUser user)
    {
        if (!await GetLockoutEnabledAsync(user)) return false;
        var end = await GetLockoutEndDateAsync(user);
        return end is { } until && until >= clock.GetUtcNow();
    }

    public override async Task<IdentityResult> AccessFailedAsync(AppUser user)
    {
        ThrowIfDisposed();
        var lockout = (IUserLockoutStore<AppUser>)Store;
        var count = await lockout.IncrementAccessFailedCountAsync(user, CancellationToken);
        if (count >= Options.Lockout.MaxFailedAccessAttempts)
        {
            await lockout.SetLockoutEndDateAsync(user, clock.GetUtcNow().Add(Options.Lockout.DefaultLockoutTimeSpan), CancellationToken);
            await lockout.ResetAccessFailedCountAsync(user, CancellationToken);
        }
        return await UpdateUserAsync(user);
    }

    public override Task<IdentityResult> ChangePasswordAsync(AppUser user, string currentPassword, string newPassword) =>
        Stamped(user, () => base.ChangePasswordAsync(user, currentPassword, newPassword));

    public override Task<IdentityResult> ResetPasswordAsync(AppUser user, string token, string newPassword) =>
        Stamped(user, () => base.ResetPasswordAsync(user, token, newPassword));

    public override Task<IdentityResult> AddPasswordAsync(AppUser user, string password) =>
        Stamped(user, () => base.AddPasswordAsync(user, password));

    public override Task<IdentityResult> CreateAsync(AppUser user, string password) =>
        Stamped(user, () => base.CreateAsync(user, password));

    // The stamp is set before the change so that the change's own update writes it; a refused change restores it.
    private async Task<IdentityResult> Stamped(AppUser user, Func<Task<IdentityResult>> change)
    {
        var before = user.PasswordChangedAt;
        user.PasswordChangedAt = clock.GetUtcNow();
        var result = await change();
        if (!result.Succeeded) user.PasswordChangedAt = before;
        return result;
    }
}

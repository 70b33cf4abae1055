using Bangfu.Identity.Sessions;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Identity.Users;

/// <summary>A user that was created, with the one-time password to hand over.</summary>
public sealed record CreatedUser(AppUser User, string InitialPassword);

/// <summary>A line of the user list.</summary>
public sealed record UserSummary(string Id, string UserName, string DisplayName, string? RegionCode, IReadOnlyList<string> Roles,
    bool IsDisabled, bool IsLockedOut, bool TwoFactorEnabled, DateTimeOffset CreatedAt);

/// <summary>
/// Account administration (system administrator; unlocking is the security administrator's): creating accounts with a
/// one-time password, disabling and enabling them (ending their sessions), resetting passwords, assigning roles under
/// <see cref="RoleRules"/>, unlocking. Every change is recorded in the audit trail (category 认证).
/// Errors are <see cref="InvalidOperationException"/>s with Chinese messages.
/// </summary>
public sealed class UserService(UserManager<AppUser> users, RoleManager<AppRole> roles, SessionService sessions, AuditTrail audit, TimeProvider clock)
{
    /// <summary>
    /// Creates an account with a random password that must be changed at first sign-in.
    /// <paramref name="regionCode"/>: the scope (2-12 digits), empty for nationwide, null for none.
    /// </summary>
    /// <exception cref="InvalidOperationException">The name is taken, or the roles break <see cref="RoleRules"/>.</exception>
    public async Task<CreatedUser> CreateAsync(string userName, string displayName, string? regionCode, IEnumerable<string> roleNames)
    {
        var roleList = roleNames.Distinct().ToList();
        regionCode = RoleRules.ScopeFor(regionCode, roleList);
        if (RoleRules.Check(regionCode, roleList) is { Count: > 0 } problems) throw new InvalidOperationException(string.Join("", problems));
        await EnsureRolesAsync();
        var user = new AppUser
        {
            UserName = userName.Trim(),
            DisplayName = displayName.Trim(),
            RegionCode = regionCode,
            MustChangePassword = true,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        var password = PasswordGenerator.Generate();
        Check(await users.CreateAsync(user, password), "创建用户失败");
        Check(await users.AddToRolesAsync(user, roleList), "分配角色失败");
        await RecordAsync(AuthenticationEvents.UserCreated, user, new { roles = roleList, regionScope = regionCode, mustChangePassword = true });
        return new CreatedUser(user, password);
    }

    public async Task<IReadOnlyList<UserSummary>> ListAsync(string? search, int take = 200, CancellationToken ct = default)
    {
        var q = users.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            q = q.Where(u => u.UserName!.Contains(s) || u.DisplayName.Contains(s) || (u.RegionCode != null && u.RegionCode.StartsWith(s)));
        }
        var list = await q.OrderBy(u => u.UserName).Take(take).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var result = new List<UserSummary>(list.Count);
        foreach (var u in list)
            result.Add(new UserSummary(u.Id, u.UserName!, u.DisplayName, u.RegionCode, [.. await users.GetRolesAsync(u)], u.IsDisabled,
                u.LockoutEnd is { } end && end >= now, u.TwoFactorEnabled, u.CreatedAt));
        return result;
    }

    public async Task<AppUser> FindAsync(string id) =>
        await users.FindByIdAsync(id) ?? throw new KeyNotFoundException("没有这个用户。");

    public async Task<IReadOnlyList<string>> RolesAsync(AppUser user) => [.. await users.GetRolesAsync(user)];

    /// <summary>Disables an account: it can no longer sign in, and every live session of it ends now.</summary>
    public async Task DisableAsync(string id)
    {
        var user = await FindAsync(id);
        if (user.IsDisabled) return;
        user.IsDisabled = true;
        Check(await users.UpdateAsync(user), "停用失败");
        await users.UpdateSecurityStampAsync(user);
        await sessions.EndAllAsync(user.Id, SessionEndReason.Disabled);
        await RecordAsync(AuthenticationEvents.UserDisabled, user);
    }

    public async Task EnableAsync(string id)
    {
        var user = await FindAsync(id);
        if (!user.IsDisabled) return;
        user.IsDisabled = false;
        Check(await users.UpdateAsync(user), "启用失败");
        await RecordAsync(AuthenticationEvents.UserEnabled, user);
    }

    /// <summary>Sets a new one-time password that must be changed at the next sign-in; ends the user's sessions.</summary>
    public async Task<string> ResetPasswordAsync(string id)
    {
        var user = await FindAsync(id);
        var password = PasswordGenerator.Generate();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, password), "重置密码失败");
        user.MustChangePassword = true;
        Check(await users.UpdateAsync(user), "重置密码失败");
        await users.ResetAccessFailedCountAsync(user);
        await sessions.EndAllAsync(user.Id, SessionEndReason.PasswordReset);
        await RecordAsync(AuthenticationEvents.PasswordReset, user);
        return password;
    }

    /// <summary>Replaces the account's roles (and, for officers, its scope) after checking <see cref="RoleRules"/>.</summary>
    public async Task SetRolesAsync(string id, string? regionCode, IEnumerable<string> roleNames)
    {
        var user = await FindAsync(id);
        var wanted = roleNames.Distinct().ToList();
        regionCode = RoleRules.ScopeFor(regionCode, wanted);
        if (RoleRules.Check(regionCode, wanted) is { Count: > 0 } problems) throw new InvalidOperationException(string.Join("", problems));
        var current = await users.GetRolesAsync(user);
        var moved = user.RegionCode != regionCode;
        if (moved)
        {
            var before = user.RegionCode;
            user.RegionCode = regionCode;
            Check(await users.UpdateAsync(user), "修改管辖区划失败");
            await RecordAsync(AuthenticationEvents.RoleChanged, user, new { region = new { before, after = regionCode } });
        }
        var removed = current.Except(wanted).ToList();
        var added = wanted.Except(current).ToList();
        if (removed.Count > 0) Check(await users.RemoveFromRolesAsync(user, removed), "修改角色失败");
        if (added.Count > 0) Check(await users.AddToRolesAsync(user, added), "修改角色失败");
        if (removed.Count + added.Count > 0) await RecordAsync(AuthenticationEvents.RoleChanged, user, new { added, removed });
        // Permissions and the scope ride in the session's claims: end the sessions so that the change applies at once.
        if (removed.Count + added.Count > 0 || moved) await sessions.EndAllAsync(user.Id, SessionEndReason.Renewed);
    }

    /// <summary>Lifts a lockout before its time (security administrator).</summary>
    public async Task UnlockAsync(string id)
    {
        var user = await FindAsync(id);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await RecordAsync(AuthenticationEvents.Unlocked, user);
    }

    public async Task EnsureRolesAsync()
    {
        foreach (var (name, display) in Roles.DisplayNames)
        {
            if (await roles.RoleExistsAsync(name)) continue;
            await roles.CreateAsync(new AppRole(name) { DisplayName = display });
        }
    }

    private Task RecordAsync(string name, AppUser user, object? details = null) =>
        audit.RecordAsync(new AuditEntry(AuthenticationEvents.AdministrationCategory, name, AuditEntry.Success, user.UserName, details, user.RegionCode is { Length: > 0 } r ? r : null));

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded) throw new InvalidOperationException(what + "：" + string.Join("；", result.Errors.Select(e => e.Description)));
    }
}

using Bangfu.Platform.Audit;
using Bangfu.Platform.Users;
using Microsoft.AspNetCore.Identity;

namespace Bangfu.Identity.Users;

/// <summary>A user that was created, with the one-time password to hand over.</summary>
public sealed record CreatedUser(AppUser User, string InitialPassword);

/// <summary>Creating accounts and roles. Roles and region scopes granted are recorded in the audit trail (权限;
/// GB/T 22239-2019 8.1.4.3 a: audit covers important security events, among them changes of authority).</summary>
public sealed class UserService(UserManager<AppUser> users, RoleManager<AppRole> roles, TimeProvider clock, AuditTrail audit)
{
    /// <summary>
    /// Creates an account with a random password that must be changed at first sign-in.
    /// <paramref name="regionCode"/>: the scope (2-12 digits), empty for nationwide, null for none.
    /// </summary>
    /// <exception cref="InvalidOperationException">The name is taken or a role is unknown (Chinese message).</exception>
    public async Task<CreatedUser> CreateAsync(string userName, string displayName, string? regionCode, IEnumerable<string> roleNames)
    {
        await EnsureRolesAsync();
        var user = new AppUser
        {
            UserName = userName,
            DisplayName = displayName,
            RegionCode = regionCode,
            MustChangePassword = true,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        var password = PasswordGenerator.Generate();
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
            throw new InvalidOperationException("创建用户失败：" + string.Join("；", result.Errors.Select(e => e.Description)));
        foreach (var role in roleNames.Distinct())
        {
            if (!Roles.DisplayNames.ContainsKey(role)) throw new InvalidOperationException($"没有角色“{role}”。");
            var added = await users.AddToRoleAsync(user, role);
            if (!added.Succeeded)
                throw new InvalidOperationException("分配角色失败：" + string.Join("；", added.Errors.Select(e => e.Description)));
        }
        await audit.RecordAsync(new AuditEntry(AuditCategories.Permissions, AuditEvents.UserCreate, Target: userName,
            Details: new { roles = roleNames.Distinct().ToArray(), regionScope = regionCode, mustChangePassword = true },
            RegionCode: string.IsNullOrEmpty(regionCode) ? null : regionCode));
        return new CreatedUser(user, password);
    }

    public async Task EnsureRolesAsync()
    {
        foreach (var (name, display) in Roles.DisplayNames)
        {
            if (await roles.RoleExistsAsync(name)) continue;
            await roles.CreateAsync(new AppRole(name) { DisplayName = display });
        }
    }
}

using Bangfu.Platform.Users;
using Microsoft.AspNetCore.Identity;

namespace Bangfu.Identity.Users;

/// <summary>A user that was created, with the one-time password to hand over.</summary>
public sealed record CreatedUser(AppUser User, string InitialPassword);

/// <summary>Creating accounts and roles.</summary>
public sealed class UserService(UserManager<AppUser> users, RoleManager<AppRole> roles, TimeProvider clock)
{
    /// <summary>
    /// Creates an account with a random password that must be changed at first sign-in.
    /// <paramref name="regionCode"/>: the scope (2-12 digits), empty for nationwide, null for none.
    /// </summary>
    /// <exception cref="InvalidOperationException">The name is taken or a role is unknown (Chinese message).</exception>
    public async Task<CreatedUser> CreateAsync(string userName, string displayName, string? regionCode, IEnumerable<string> roleNames)
    {
        var roleList = roleNames.Distinct().ToList();
        regionCode = CheckRoles(roleList, regionCode?.Trim());
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
        foreach (var role in roleList)
        {
            var added = await users.AddToRoleAsync(user, role);
            if (!added.Succeeded)
                throw new InvalidOperationException("分配角色失败：" + string.Join("；", added.Errors.Select(e => e.Description)));
        }
        return new CreatedUser(user, password);
    }

    /// <summary>
    /// Checks roles against the scope before anything is created, and returns the scope to store: the three
    /// administrative roles are held alone (三权分立) and nationwide; an officer role must match the level of the scope
    /// (a village officer has a 12-digit village code, a county officer a 6-digit county code, a national officer none).
    /// </summary>
    /// <exception cref="InvalidOperationException">The roles or the scope do not fit (Chinese message).</exception>
    public static string? CheckRoles(IReadOnlyCollection<string> roles, string? regionCode)
    {
        if (roles.Count == 0) throw new InvalidOperationException("至少要分配一个角色。");
        foreach (var role in roles)
            if (!Roles.DisplayNames.ContainsKey(role)) throw new InvalidOperationException($"没有角色“{role}”。");
        string[] administrative = [Roles.SystemAdministrator, Roles.SecurityAdministrator, Roles.Auditor];
        if (roles.Any(administrative.Contains))
        {
            if (roles.Count > 1) throw new InvalidOperationException("系统管理员、安全管理员、审计员三种角色互相分离，不能与其他角色同时授予。");
            return "";
        }
        if (regionCode is null) throw new InvalidOperationException("工作人员必须有管辖区划。");
        if (regionCode.Length > 0 && Platform.Scope.RegionScope.TryOf(regionCode) is null)
            throw new InvalidOperationException($"区划代码“{regionCode}”无效，应为 2、4、6、9 或 12 位数字。");
        var expected = Roles.OfficerRoleFor(regionCode);
        foreach (var role in roles)
            if (role != expected)
                throw new InvalidOperationException($"“{Roles.DisplayNames[role]}”与管辖区划的级别不符，区划 {(regionCode.Length == 0 ? "全国" : regionCode)} 对应“{Roles.DisplayNames[expected]}”。");
        return regionCode;
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

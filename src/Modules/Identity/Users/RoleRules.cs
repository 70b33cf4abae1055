namespace Bangfu.Identity.Users;

/// <summary>
/// Which roles one account may hold (GB/T 22239-2019 8.1.4.2 d: 授予管理用户所需的最小权限，实现管理用户的权限分离):
/// the three administrative roles (system, security, audit) are mutually exclusive — with each other and with every
/// officer role (三权分立) — and an officer role must match the level of the account's one region scope
/// (a county role needs a 6-digit county code). An account holds at least one role.
/// </summary>
public static class RoleRules
{
    public static IReadOnlySet<string> Administrative { get; } =
        new HashSet<string> { Roles.SystemAdministrator, Roles.SecurityAdministrator, Roles.Auditor };

    /// <summary>The Chinese reasons why <paramref name="roles"/> cannot go with <paramref name="regionCode"/>; empty when they can.</summary>
    public static IReadOnlyList<string> Check(string? regionCode, IEnumerable<string> roles)
    {
        var set = roles.Distinct().ToList();
        var problems = new List<string>();
        if (set.Count == 0) problems.Add("请至少选择一个角色。");
        foreach (var unknown in set.Where(r => !Roles.DisplayNames.ContainsKey(r))) problems.Add($"没有角色“{unknown}”。");
        var admin = set.Where(Administrative.Contains).ToList();
        if (admin.Count > 0 && set.Count > 1)
            problems.Add("系统管理员、安全管理员、审计员三种角色互斥，也不能与业务角色同时授予（三权分立）。");
        if (set.Contains(Roles.Employer) && set.Count > 1)
            problems.Add("“用人单位”账号只能有这一个角色。");
        var officer = set.Where(r => Roles.DisplayNames.ContainsKey(r) && !Administrative.Contains(r) && r != Roles.Employer).ToList();
        if (officer.Count > 0)
        {
            var expected = ExpectedOfficerRole(regionCode);
            if (expected is null)
                problems.Add("业务角色需要管辖区划：请填写 2、4、6、9 或 12 位区划代码，全国填空。");
            else
                foreach (var role in officer.Where(r => r != expected))
                    problems.Add($"“{Roles.DisplayNames[role]}”与管辖区划的级别不符：该区划只能授予“{Roles.DisplayNames[expected]}”。");
        }
        return problems;
    }

    /// <summary>
    /// The scope to store with <paramref name="roles"/>: none for the administrative roles (they manage accounts and the
    /// system, not people, so they see no personal data) and for employer accounts, the trimmed code for officers.
    /// </summary>
    public static string? ScopeFor(string? regionCode, IEnumerable<string> roles) =>
        roles.Any(r => Administrative.Contains(r) || r == Roles.Employer) ? null : regionCode?.Trim();

    /// <summary>The officer roles an account with this scope may hold (one level, one role today).</summary>
    public static IReadOnlyList<string> OfficerRolesFor(string? regionCode) =>
        ExpectedOfficerRole(regionCode) is { } role ? [role] : [];

    private static string? ExpectedOfficerRole(string? regionCode) =>
        regionCode is null || regionCode.Length is not (0 or 2 or 4 or 6 or 9 or 12) || !regionCode.All(char.IsAsciiDigit)
            ? null
            : Roles.OfficerRoleFor(regionCode);
}

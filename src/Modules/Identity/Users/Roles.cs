namespace Bangfu.Identity.Users;

/// <summary>
/// Role names. The three administrative roles are kept apart (三权分立, GB/T 22239-2019 8.1.4.2 d):
/// the system administrator manages accounts and configuration, the security administrator manages security
/// policy, the auditor reads the audit trail. Officers hold a region scope at their level.
/// </summary>
public static class Roles
{
    public const string SystemAdministrator = "sysadmin";
    public const string SecurityAdministrator = "secadmin";
    public const string Auditor = "auditor";
    public const string NationalOfficer = "national_officer";
    public const string ProvinceOfficer = "province_officer";
    public const string CityOfficer = "city_officer";
    public const string CountyOfficer = "county_officer";
    public const string TownshipOfficer = "township_officer";
    public const string VillageOfficer = "village_officer";
    /// <summary>An employer's own account (用人单位): posts its vacancies; no region scope, no person data.</summary>
    public const string Employer = "employer";

    public static IReadOnlyDictionary<string, string> DisplayNames { get; } = new Dictionary<string, string>
    {
        [SystemAdministrator] = "系统管理员",
        [SecurityAdministrator] = "安全管理员",
        [Auditor] = "审计员",
        [NationalOfficer] = "国家级工作人员",
        [ProvinceOfficer] = "省级工作人员",
        [CityOfficer] = "市级工作人员",
        [CountyOfficer] = "县级工作人员",
        [TownshipOfficer] = "乡镇工作人员",
        [VillageOfficer] = "村级工作人员",
        [Employer] = "用人单位",
    };

    /// <summary>The officer role that matches a scope code's length (empty nationwide, 2 province … 12 village).</summary>
    public static string OfficerRoleFor(string regionCode) => regionCode.Length switch
    {
        0 => NationalOfficer,
        2 => ProvinceOfficer,
        4 => CityOfficer,
        6 => CountyOfficer,
        9 => TownshipOfficer,
        12 => VillageOfficer,
        _ => throw new ArgumentException($"区划代码“{regionCode}”长度不对。", nameof(regionCode)),
    };
}

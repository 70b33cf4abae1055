using Bangfu.Platform.Security;
using P = Bangfu.Platform.Security.Permissions;

namespace Bangfu.Identity.Users;

/// <summary>
/// What each role may do. The three administrative roles are separate (GB/T 22239-2019 8.1.4.2 d): none of them sees
/// person-level data, and none does the others' work. Officers' permissions follow their level: villages and
/// townships do the monthly round; counties import and unmask (with a reason) and export the full roster; everyone
/// who sees lists may export them masked; cities and provinces (which may also load rosters) and the national level
/// read reports and lists without full names. Employment services: counties register employers, review vacancies and
/// organise transport; townships and counties hold fairs; villages, townships and counties keep jobseeker profiles and
/// record services (311, referrals, placements, follow-ups).
/// </summary>
public static class RolePermissions
{
    private static readonly Dictionary<string, string[]> Map = new()
    {
        [Roles.SystemAdministrator] = [P.UsersManage],
        [Roles.SecurityAdministrator] = [P.SecurityManage],
        [Roles.Auditor] = [P.AuditView],
        [Roles.NationalOfficer] = [P.RegistryView, P.ReportsView, P.RegistryExport],
        [Roles.ProvinceOfficer] = [P.RegistryView, P.ReportsView, P.RegistryExport, P.RegistryImport],
        [Roles.CityOfficer] = [P.RegistryView, P.ReportsView, P.RegistryExport, P.RegistryImport],
        [Roles.CountyOfficer] = [P.RegistryView, P.RegistryFullNames, P.RegistrySensitive, P.RegistryUnmask, P.RegistryImport,
            P.RegistryExport, P.QualityConfirm, P.ReportsView, P.EmploymentRound, P.EmploymentReopen,
            P.EmployersManage, P.VacanciesReview, P.JobseekersEdit, P.ServicesRecord, P.FairsManage, P.TransportManage],
        [Roles.TownshipOfficer] = [P.RegistryView, P.RegistryFullNames, P.RegistrySensitive, P.QualityConfirm, P.ReportsView,
            P.EmploymentRound, P.RegistryExport, P.EmployersManage, P.JobseekersEdit, P.ServicesRecord, P.FairsManage],
        [Roles.VillageOfficer] = [P.RegistryView, P.RegistryFullNames, P.RegistrySensitive, P.QualityConfirm, P.ReportsView,
            P.EmploymentRound, P.RegistryExport, P.JobseekersEdit, P.ServicesRecord],
        [Roles.Employer] = [P.VacanciesPost],
    };

    public static IReadOnlyList<string> Of(string role) => Map.TryGetValue(role, out var p) ? p : [];

    public static IReadOnlySet<string> Of(IEnumerable<string> roles) => roles.SelectMany(Of).ToHashSet();

    /// <summary>The roles that must use a second factor: county level and above, and the three administrators.</summary>
    public static bool RequiresSecondFactor(string role) => role is Roles.SystemAdministrator or Roles.SecurityAdministrator
        or Roles.Auditor or Roles.NationalOfficer or Roles.ProvinceOfficer or Roles.CityOfficer or Roles.CountyOfficer;
}

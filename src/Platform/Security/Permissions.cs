namespace Bangfu.Platform.Security;

/// <summary>
/// Permissions, checked by pages, the API and the menu alike (one constant each). Roles map to sets of them
/// (Identity module, RolePermissions); a signed-in user carries theirs as claims of type <see cref="ClaimType"/>.
/// </summary>
public static class Permissions
{
    public const string ClaimType = "bangfu:permission";

    /// <summary>See people of the scope: lists, details, reports (identifiers masked).</summary>
    public const string RegistryView = "registry.view";
    /// <summary>See names in full (otherwise surname + *).</summary>
    public const string RegistryFullNames = "registry.full_names";
    /// <summary>See health, disability and income fields.</summary>
    public const string RegistrySensitive = "registry.sensitive";
    /// <summary>Show one person's full ID number and phone, with a typed reason (audited).</summary>
    public const string RegistryUnmask = "registry.unmask";
    /// <summary>Import rosters.</summary>
    public const string RegistryImport = "registry.import";
    /// <summary>Export rosters and lists (audited).</summary>
    public const string RegistryExport = "registry.export";
    /// <summary>Confirm data-quality issues.</summary>
    public const string QualityConfirm = "quality.confirm";
    /// <summary>Record the monthly round and close a village's month.</summary>
    public const string EmploymentRound = "employment.round";
    /// <summary>Reopen a village's last closed month to correct it (county level).</summary>
    public const string EmploymentReopen = "employment.reopen";
    /// <summary>See reports (the monthly dispatch).</summary>
    public const string ReportsView = "reports.view";
    /// <summary>Create, disable and assign roles to accounts (system administrator).</summary>
    public const string UsersManage = "users.manage";
    /// <summary>Security settings, unlocking accounts, key rotation (security administrator).</summary>
    public const string SecurityManage = "security.manage";
    /// <summary>Search and export the audit trail (auditor).</summary>
    public const string AuditView = "audit.view";

    /// <summary>Register employers and post vacancies on their behalf (county and township employment services).</summary>
    public const string EmployersManage = "employers.manage";
    /// <summary>Review vacancies before publication (the county bureau).</summary>
    public const string VacanciesReview = "vacancies.review";
    /// <summary>Post and keep one's own employer's vacancies (employer accounts).</summary>
    public const string VacanciesPost = "vacancies.post";
    /// <summary>Keep jobseeker profiles (skills, intentions) of people in the scope.</summary>
    public const string JobseekersEdit = "jobseekers.edit";
    /// <summary>Record services: job pushes, career guidance, training referrals, referrals, placements, follow-ups.</summary>
    public const string ServicesRecord = "services.record";
    /// <summary>Hold offline job fairs: employers, vacancies, attendee sign-in, intentions and hires.</summary>
    public const string FairsManage = "fairs.manage";
    /// <summary>Organise point-to-point transport batches and confirm arrivals.</summary>
    public const string TransportManage = "transport.manage";

    public static IReadOnlyList<string> All { get; } =
    [
        RegistryView, RegistryFullNames, RegistrySensitive, RegistryUnmask, RegistryImport, RegistryExport, QualityConfirm,
        EmploymentRound, EmploymentReopen, ReportsView, UsersManage, SecurityManage, AuditView,
        EmployersManage, VacanciesReview, VacanciesPost, JobseekersEdit, ServicesRecord, FairsManage, TransportManage,
    ];
}

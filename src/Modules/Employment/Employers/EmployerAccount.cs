using System.Security.Claims;
using Bangfu.Platform.Security;

namespace Bangfu.Employment.Employers;

/// <summary>
/// An employer's own account (用人单位账号): a user holding <see cref="Permissions.VacanciesPost"/> and a claim of type
/// <see cref="ClaimType"/> whose value is the employer's id. It has no region scope and sees no person data; it posts
/// and keeps only its own employer's vacancies.
/// </summary>
public static class EmployerAccount
{
    public const string ClaimType = "bangfu:employer";

    /// <summary>The employer the user acts for, when the user is an employer account (and not an officer who manages employers).</summary>
    public static Guid? OwnEmployerId(ClaimsPrincipal user) =>
        !user.HasClaim(Permissions.ClaimType, Permissions.EmployersManage)
        && user.HasClaim(Permissions.ClaimType, Permissions.VacanciesPost)
        && Guid.TryParse(user.FindFirst(ClaimType)?.Value, out var id)
            ? id
            : null;
}

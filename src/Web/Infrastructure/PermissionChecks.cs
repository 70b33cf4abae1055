using System.Security.Claims;
using Bangfu.Platform.Security;

namespace Bangfu.Web.Infrastructure;

public static class PermissionChecks
{
    /// <summary>Whether the signed-in user holds a permission (menus, buttons and handlers ask the same question).</summary>
    public static bool Can(this ClaimsPrincipal user, string permission) => user.HasClaim(Permissions.ClaimType, permission);

    /// <summary>How much of a person the user may see (full names, sensitive fields).</summary>
    public static PersonalDataView PersonalDataView(this ClaimsPrincipal user) =>
        new(user.Can(Permissions.RegistryFullNames), user.Can(Permissions.RegistrySensitive));

    /// <summary>A person's name as the user may see it: in full, or surname + * (GB/T 35273-2020 §7.2).</summary>
    public static string PersonName(this ClaimsPrincipal user, string? name) =>
        user.Can(Permissions.RegistryFullNames) ? name ?? "" : Masking.Name(name);
}

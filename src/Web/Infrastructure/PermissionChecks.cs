using System.Security.Claims;
using Bangfu.Platform.Security;

namespace Bangfu.Web.Infrastructure;

public static class PermissionChecks
{
    /// <summary>Whether the signed-in user holds a permission (menus, buttons and handlers ask the same question).</summary>
    public static bool Can(this ClaimsPrincipal user, string permission) => user.HasClaim(Permissions.ClaimType, permission);
}

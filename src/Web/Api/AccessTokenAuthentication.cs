using System.Security.Claims;
using System.Text.Encodings.Web;
using Bangfu.Identity.Tokens;
using Bangfu.Platform.Security;
using Bangfu.Platform.Users;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Bangfu.Web.Api;

/// <summary>
/// Authentication for programs: <c>Authorization: Bearer bfpat_…</c> (a personal access token, RFC 6750). The principal
/// is rebuilt on every request from the officer's account as it is now, so a token never holds more than its officer:
/// its permissions are those granted that the officer still has, its scope the narrower of the token's and the
/// officer's; a disabled account, or one whose password was reset, makes its tokens stop working at once.
/// </summary>
internal sealed class AccessTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggerFactory, UrlEncoder encoder,
    AccessTokenService tokens, UserManager<AppUser> users, IUserClaimsPrincipalFactory<AppUser> principals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "BangfuToken";

    /// <summary>The policy scheme every request authenticates with: the token for the API when one is presented, else the cookie.</summary>
    public const string CookieOrToken = "BangfuCookieOrToken";

    /// <summary>The claim that names the token a request came with (its id, for the audit trail).</summary>
    public const string TokenIdClaim = "bangfu:token";

    /// <summary>HttpContext item with the Chinese reason a presented token was refused.</summary>
    public const string FailureItem = "bangfu:token_failure";

    private const string BearerPrefix = "Bearer ";

    /// <summary>Whether the request carries a bearer token (only then does the API use this scheme).</summary>
    public static bool HasBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the principal came from a token rather than the sign-in cookie.</summary>
    public static bool IsToken(ClaimsPrincipal user) => user.Identity?.AuthenticationType == SchemeName;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!HasBearer(Request)) return AuthenticateResult.NoResult();
        var presented = Request.Headers.Authorization.ToString()[BearerPrefix.Length..].Trim();
        var (token, rejection) = await tokens.FindUsableAsync(presented, Context.RequestAborted);
        if (token is null)
            return Refuse(rejection switch
            {
                AccessTokenRejection.Expired => "访问令牌已过期，请创建新的令牌。",
                AccessTokenRejection.Revoked => "访问令牌已被撤销。",
                _ => "访问令牌无效。",
            }, rejection.ToString());

        var user = await users.FindByIdAsync(token.UserId);
        if (user is null || user.IsDisabled) return Refuse("令牌所属账号已停用。", "account disabled");
        var current = await principals.CreateAsync(user);
        if (current.HasClaim(BangfuClaimsPrincipalFactory.MustChangePasswordClaim, "1"))
            return Refuse("令牌所属账号的密码已被重置，须先登录修改密码。", "password reset");
        var held = current.FindAll(Permissions.ClaimType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var scope = Narrower(token.RegionCode, current.FindFirst(BangfuClaimsPrincipalFactory.RegionClaim)?.Value);
        if (scope is null) return Refuse("令牌的区域已不在账号的管辖范围内。", "scope");

        var identity = new ClaimsIdentity(SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new(ClaimTypes.NameIdentifier, user.Id));
        identity.AddClaim(new(ClaimTypes.Name, user.UserName ?? ""));
        identity.AddClaim(new("bangfu:display_name", user.DisplayName));
        identity.AddClaim(new(BangfuClaimsPrincipalFactory.RegionClaim, scope));
        identity.AddClaim(new(TokenIdClaim, token.Id.ToString()));
        foreach (var permission in token.PermissionList.Where(held.Contains))
            identity.AddClaim(new(Permissions.ClaimType, permission));
        await tokens.MarkUsedAsync(token, Context.RequestAborted);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    private AuthenticateResult Refuse(string message, string reason)
    {
        Context.Items[FailureItem] = message;
        Logger.LogInformation("Access token refused: {Reason}", reason);
        return AuthenticateResult.Fail(message);
    }

    /// <summary>
    /// The narrower of two scope prefixes ("" is nationwide): the token's when it lies inside the officer's, the officer's
    /// when their scope has shrunk inside the token's, null when they no longer overlap or the officer has no scope.
    /// </summary>
    internal static string? Narrower(string? tokenRegion, string? userRegion)
    {
        if (userRegion is null) return null;
        if (string.IsNullOrEmpty(tokenRegion)) return userRegion;
        if (tokenRegion.StartsWith(userRegion, StringComparison.Ordinal)) return tokenRegion;
        if (userRegion.StartsWith(tokenRegion, StringComparison.Ordinal)) return userRegion;
        return null;
    }
}

namespace Bangfu.Web.Infrastructure;

/// <summary>
/// Sends a signed-in user who has something to do about their account to the page where they do it, before anything
/// else: a generated password to replace, an expired password to change (GB/T 22239-2019 8.1.4.1 a 定期更换), a second
/// factor to enrol (8.1.4.1 d 双因素鉴别, for roles that need one). Only that page, signing out, the error page and static
/// files are open to them; their session also carries no permission claims until then (BangfuClaimsPrincipalFactory).
/// </summary>
internal sealed class AccountGateMiddleware(RequestDelegate next, TimeProvider clock)
{
    public const string ChangePasswordPage = "/Account/ChangePassword";
    public const string AuthenticatorPage = "/Account/Authenticator";

    private static readonly string[] AlwaysOpen = ["/Account/Logout", "/Error", "/lib", "/css", "/js", "/favicon.ico"];

    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true && PageFor(context.User, clock.GetUtcNow()) is { } page)
        {
            var path = context.Request.Path;
            if (!path.StartsWithSegments(page) && !AlwaysOpen.Any(p => path.StartsWithSegments(p)))
            {
                context.Response.Redirect(page);
                return Task.CompletedTask;
            }
        }
        return next(context);
    }

    /// <summary>The page the user must visit first, or null.</summary>
    public static string? PageFor(System.Security.Claims.ClaimsPrincipal user, DateTimeOffset now) =>
        MustChangePassword(user, now) ? ChangePasswordPage
        : user.HasClaim(BangfuClaimsPrincipalFactory.MustEnrolClaim, "1") ? AuthenticatorPage
        : null;

    public static bool MustChangePassword(System.Security.Claims.ClaimsPrincipal user, DateTimeOffset now) =>
        user.HasClaim(BangfuClaimsPrincipalFactory.MustChangePasswordClaim, "1") || PasswordExpired(user, now);

    public static bool PasswordExpired(System.Security.Claims.ClaimsPrincipal user, DateTimeOffset now) =>
        long.TryParse(user.FindFirst(BangfuClaimsPrincipalFactory.PasswordExpiresClaim)?.Value, out var expires)
        && now.ToUnixTimeSeconds() >= expires;
}

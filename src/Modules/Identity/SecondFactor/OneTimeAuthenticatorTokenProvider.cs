using Bangfu.Platform.Users;
using Microsoft.AspNetCore.Identity;

namespace Bangfu.Identity.SecondFactor;

/// <summary>
/// Identity's authenticator (TOTP, RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) that accepts each code once
/// (ASVS 5.0 6.5.1: a time-based one-time password is usable only once). Identity accepts a code for 90 seconds either
/// way of now; a code that was just used is refused for the whole of that window, so a code seen over a shoulder or in a
/// proxy log cannot open a second session.
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider(TimeProvider clock) : AuthenticatorTokenProvider<AppUser>
{
    private const string LoginProvider = "[BangfuAuthenticator]";
    private const string LastCodeToken = "LastCode";
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(3);

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        if (!await base.ValidateAsync(purpose, token, manager, user)) return false;
        var now = clock.GetUtcNow();
        if (await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastCodeToken) is { } last
            && last.Split(':') is [var code, var ticks] && code == token
            && long.TryParse(ticks, out var at) && now - new DateTimeOffset(at, TimeSpan.Zero) < Window)
            return false;
        await manager.SetAuthenticationTokenAsync(user, LoginProvider, LastCodeToken, $"{token}:{now.UtcTicks}");
        return true;
    }
}

using Bangfu.Platform.Users;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace Bangfu.Identity.SecondFactor;

/// <summary>
/// Identity's authenticator (TOTP, RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) that accepts each time step once
/// (ASVS 5.0 6.5.1; RFC 6238 §5.2: a time-based one-time password is usable only once). Identity accepts a code from two
/// steps either way of now (±60-90 s); the steps accepted in the last few minutes are remembered and refused, so a code
/// seen over a shoulder or in a proxy log cannot open a second session, even after a later code was used.
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider : AuthenticatorTokenProvider<AppUser>
{
    private const string LoginProvider = "[BangfuAuthenticator]";
    private const string UsedStepsToken = "UsedSteps";

    // Wider than Identity's own window, so that every code Identity accepts is found here.
    private const int Steps = 5;
    private static readonly VerificationWindow Window = new(previous: Steps, future: Steps);

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        if (!await base.ValidateAsync(purpose, token, manager, user)) return false;
        if (await manager.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key) return false;
        // Identity checks against the real time, so the step is found against the real time too.
        if (!new Totp(Base32Encoding.ToBytes(key)).VerifyTotp(DateTime.UtcNow, token.Trim(), out var step, Window)) return false;
        var used = (await manager.GetAuthenticationTokenAsync(user, LoginProvider, UsedStepsToken) ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => long.TryParse(s, out var v) ? v : long.MinValue)
            .Where(s => s >= step - 2 * Steps) // older steps can no longer be accepted anyway
            .ToList();
        if (used.Contains(step)) return false;
        used.Add(step);
        await manager.SetAuthenticationTokenAsync(user, LoginProvider, UsedStepsToken, string.Join(',', used));
        return true;
    }
}

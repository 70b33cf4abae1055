using System.ComponentModel.DataAnnotations;
using Bangfu.Identity;
using Bangfu.Identity.SecondFactor;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Account;

/// <summary>
/// Enrolling an authenticator app (TOTP, RFC 6238) as the second factor (GB/T 22239-2019 8.1.4.1 d 两种或两种以上组合的鉴别
/// 技术): a new secret is made on request (POST), shown as a QR code and as text; the first correct code turns the factor on
/// and shows 10 recovery codes once. Officers of county level and above and the administrators are sent here right after
/// their password until they have enrolled. Nothing changes on GET.
/// </summary>
[Authorize]
public sealed class AuthenticatorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AuditTrail audit) : PageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty, Required(ErrorMessage = "请输入验证器上的 6 位数字"), RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "验证码是 6 位数字")]
    public string Code { get; set; } = "";

    public bool Enabled { get; private set; }
    public string? SharedKey { get; private set; }
    public string? QrCode { get; private set; }
    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Shown once, right after they are made; never again.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public bool Required => User.HasClaim(Infrastructure.BangfuClaimsPrincipalFactory.MustEnrolClaim, "1");

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is not null ? Page() : Challenge();

    /// <summary>Makes a new secret (replacing an unconfirmed one) and shows its QR code.</summary>
    public async Task<IActionResult> OnPostStartAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (user.TwoFactorEnabled) return RedirectToPage();
        await users.ResetAuthenticatorKeyAsync(user);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is not { } user) return Challenge();
        if (user.TwoFactorEnabled || SharedKey is null) return RedirectToPage();
        if (!ModelState.IsValid) return Page();
        var code = new string(Code.Where(char.IsAsciiDigit).ToArray());
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "验证码不正确。请确认手机时间准确，并输入验证器上当前显示的数字。");
            Code = "";
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList();
        await audit.RecordAsync(new AuditEntry(AuthenticationEvents.Category, AuthenticationEvents.SecondFactorEnrolled, AuditEntry.Success,
            user.UserName, new { method = "totp" }));
        // New claims (no longer "must enrol", with permissions) for the session.
        await signIn.RefreshSignInAsync(user);
        await LoadAsync(user);
        return Page();
    }

    /// <summary>Replaces the recovery codes (the old ones stop working) and shows the new ones once.</summary>
    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (!user.TwoFactorEnabled) return RedirectToPage();
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList();
        await audit.RecordAsync(new AuditEntry(AuthenticationEvents.Category, AuthenticationEvents.RecoveryCodesRenewed, AuditEntry.Success, user.UserName));
        await LoadAsync(user);
        return Page();
    }

    private async Task<AppUser?> LoadAsync(AppUser? user = null)
    {
        user ??= await users.GetUserAsync(User);
        if (user is null) return null;
        Enabled = user.TwoFactorEnabled;
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return user;
        }
        if (await users.GetAuthenticatorKeyAsync(user) is { Length: > 0 } key)
        {
            SharedKey = AuthenticatorQr.Grouped(key);
            QrCode = AuthenticatorQr.PngDataUri(AuthenticatorQr.Uri(user.UserName!, key));
        }
        return user;
    }
}

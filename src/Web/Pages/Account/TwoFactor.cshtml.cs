using System.ComponentModel.DataAnnotations;
using Bangfu.Identity;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Account;

/// <summary>
/// The second step of sign-in for an account with a second factor (GB/T 22239-2019 8.1.4.1 d): the 6-digit code of the
/// authenticator app, or one of the recovery codes. Wrong codes count towards the lockout like wrong passwords.
/// </summary>
public sealed class TwoFactorModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, AuditTrail audit, AuditActor actor) : PageModel
{
    [BindProperty, Required(ErrorMessage = "请输入验证码"), StringLength(20)] public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("/Account/Login");
        if (!ModelState.IsValid) return Page();
        (actor.UserId, actor.UserName) = (user.Id, user.UserName);
        var code = new string(Code.Where(c => !char.IsWhiteSpace(c)).ToArray());
        var isAppCode = code.Length == 6 && code.All(char.IsAsciiDigit);
        var wasLocked = await users.IsLockedOutAsync(user);
        var result = isAppCode
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            await Record(AuthenticationEvents.SignIn, AuditEntry.Success, user, new { factors = isAppCode ? "password+totp" : "password+recovery-code" });
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        if (result.IsLockedOut)
        {
            if (!wasLocked) await Record(AuthenticationEvents.Lockout, AuditEntry.Success, user, null);
            await Record(AuthenticationEvents.SignInFailed, AuditEntry.Failure + "：账号已锁定", user, null);
            ModelState.AddModelError("", "错误次数过多，账号已锁定，请稍后再试或联系安全管理员。");
        }
        else
        {
            await Record(AuthenticationEvents.SignInFailed, AuditEntry.Failure + (isAppCode ? "：动态验证码错误" : "：恢复码错误"), user, null);
            ModelState.AddModelError("", isAppCode ? "验证码不正确或已过期，请输入验证器上当前显示的 6 位数字。" : "恢复码不正确或已用过。");
        }
        Code = "";
        return Page();
    }

    private Task Record(string name, string result, AppUser user, object? details) =>
        audit.RecordAsync(new AuditEntry(AuthenticationEvents.Category, name, result, user.UserName, details));
}

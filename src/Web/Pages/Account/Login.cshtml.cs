using System.ComponentModel.DataAnnotations;
using Bangfu.Identity;
using Bangfu.Identity.Security;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Bangfu.Web.Pages.Account;

/// <summary>
/// Sign-in with user name and password; accounts with a second factor continue to <see cref="TwoFactorModel"/>.
/// Failures count towards the lockout (Security:LockoutFailures, Security:LockoutMinutes) and every outcome is audited.
/// The messages do not tell a wrong name from a wrong password.
/// </summary>
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, AuditTrail audit, AuditActor actor,
    IOptions<SecurityOptions> security) : PageModel
{
    public SecurityOptions Security => security.Value;

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "请输入用户名")] public string UserName { get; set; } = "";
        [Required(ErrorMessage = "请输入密码"), DataType(DataType.Password)] public string Password { get; set; } = "";
    }

    /// <summary>A browser that is signed in already goes on to where it was going (sign out first to change account).</summary>
    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var userName = Input.UserName.Trim();
        var user = await users.FindByNameAsync(userName);
        // An unknown name costs a password hash too, so the answer's timing does not tell which names exist.
        if (user is null) users.PasswordHasher.HashPassword(new AppUser(), Input.Password);
        (actor.UserId, actor.UserName) = (user?.Id, userName);
        var wasLocked = user is not null && await users.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(userName, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await Record(AuthenticationEvents.SignIn, AuditEntry.Success, new { factors = "password" });
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        if (result.RequiresTwoFactor)
            return RedirectToPage("/Account/TwoFactor", new { returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
        if (result.IsLockedOut)
        {
            if (!wasLocked) await Record(AuthenticationEvents.Lockout, AuditEntry.Success, null);
            await Record(AuthenticationEvents.SignInFailed, AuditEntry.Failure + "：账号已锁定", null);
            ModelState.AddModelError("", "密码错误次数过多，账号已锁定，请稍后再试或联系安全管理员。");
        }
        else if (result.IsNotAllowed)
        {
            await Record(AuthenticationEvents.SignInFailed, AuditEntry.Failure + "：账号已停用", null);
            ModelState.AddModelError("", "该账号已停用，请联系管理员。");
        }
        else
        {
            await Record(AuthenticationEvents.SignInFailed, AuditEntry.Failure + (user is null ? "：用户不存在" : "：密码错误"), null);
            ModelState.AddModelError("", "用户名或密码错误。");
        }
        return Page();
    }

    private Task Record(string name, string result, object? details) =>
        audit.RecordAsync(new AuditEntry(AuthenticationEvents.Category, name, result, Input.UserName.Trim(), details));
}

using System.ComponentModel.DataAnnotations;
using Bangfu.Identity;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Users;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Account;

/// <summary>
/// Changing one's password: required after a generated password and when the password is older than
/// Security:PasswordMaxAgeDays (GB/T 22239-2019 8.1.4.1 a). The new password must meet the policy and differ from the
/// recent ones; the session then carries the new claims.
/// </summary>
[Authorize]
public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AuditTrail audit, TimeProvider clock) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public bool Forced => User.HasClaim(BangfuClaimsPrincipalFactory.MustChangePasswordClaim, "1");
    public bool Expired => AccountGateMiddleware.PasswordExpired(User, clock.GetUtcNow());

    public sealed class InputModel
    {
        [Required(ErrorMessage = "请输入当前密码"), DataType(DataType.Password)] public string CurrentPassword { get; set; } = "";
        [Required(ErrorMessage = "请输入新密码"), DataType(DataType.Password)] public string NewPassword { get; set; } = "";
        [Required(ErrorMessage = "请再次输入新密码"), DataType(DataType.Password), Compare(nameof(NewPassword), ErrorMessage = "两次输入的新密码不一致")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword", e.Description);
            await audit.RecordAsync(new AuditEntry(AuthenticationEvents.Category, AuthenticationEvents.PasswordChanged,
                AuditEntry.Failure + "：" + string.Join(",", result.Errors.Select(e => e.Code)), user.UserName));
            return Page();
        }
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await audit.RecordAsync(new AuditEntry(AuthenticationEvents.Category, AuthenticationEvents.PasswordChanged, AuditEntry.Success, user.UserName));
        await signIn.RefreshSignInAsync(user);
        return LocalRedirect("/");
    }
}

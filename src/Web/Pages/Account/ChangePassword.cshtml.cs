using System.ComponentModel.DataAnnotations;
using Bangfu.Platform.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Account;

[Authorize]
public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, TimeProvider clock) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public bool Forced => User.HasClaim(Infrastructure.BangfuClaimsPrincipalFactory.MustChangePasswordClaim, "1");

    public sealed class InputModel
    {
        [Required(ErrorMessage = "请输入当前密码"), DataType(DataType.Password)] public string CurrentPassword { get; set; } = "";
        [Required(ErrorMessage = "请输入新密码"), DataType(DataType.Password), MinLength(8, ErrorMessage = "新密码至少 8 位")]
        public string NewPassword { get; set; } = "";
        [DataType(DataType.Password), Compare(nameof(NewPassword), ErrorMessage = "两次输入的新密码不一致")]
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
            foreach (var e in result.Errors) ModelState.AddModelError("", e.Code == "PasswordMismatch" ? "当前密码不正确。" : e.Description);
            return Page();
        }
        user.MustChangePassword = false;
        user.PasswordChangedAt = clock.GetUtcNow();
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        return LocalRedirect("/");
    }
}

using System.ComponentModel.DataAnnotations;
using Bangfu.Platform.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Account;

public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "请输入用户名")] public string UserName { get; set; } = "";
        [Required(ErrorMessage = "请输入密码"), DataType(DataType.Password)] public string Password { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByNameAsync(Input.UserName.Trim());
        if (user is { IsDisabled: true })
        {
            ModelState.AddModelError("", "该账号已停用，请联系管理员。");
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(Input.UserName.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in", user?.Id);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        ModelState.AddModelError("", result.IsLockedOut ? "密码错误次数过多，账号已锁定，请稍后再试。" : "用户名或密码错误。");
        return Page();
    }
}

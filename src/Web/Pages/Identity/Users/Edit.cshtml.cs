using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Bangfu.Identity.Users;
using Bangfu.Platform.Security;
using Bangfu.Platform.Users;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Identity.Users;

/// <summary>
/// One account: roles and scope, disable or enable (disabling ends its sessions at once), a new one-time password
/// (shown once; the user must change it), for the system administrator; unlocking, for the security administrator.
/// Nobody changes their own account here.
/// </summary>
public sealed class EditModel(UserService users, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty] public InputModel Input { get; set; } = new();

    public AppUser Account { get; private set; } = null!;
    public IReadOnlyList<string> CurrentRoles { get; private set; } = [];
    public bool LockedOut { get; private set; }
    public string? NewPassword { get; private set; }
    public bool Own => Id == User.FindFirstValue(ClaimTypes.NameIdentifier);

    public sealed class InputModel
    {
        [RegularExpression(@"^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})?$", ErrorMessage = "区划代码应为 2、4、6、9 或 12 位数字；全国留空")]
        public string? RegionCode { get; set; }

        public List<string> Roles { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Input = new InputModel { RegionCode = Account.RegionCode, Roles = [.. CurrentRoles] };
        return Page();
    }

    public async Task<IActionResult> OnPostRolesAsync()
    {
        if (!User.Can(Permissions.UsersManage) || Own) return Forbid();
        if (!await LoadAsync()) return NotFound();
        if (!ModelState.IsValid) return Page();
        var region = CreateModel.ScopeFor(Input.RegionCode, Input.Roles);
        foreach (var problem in RoleRules.Check(region, Input.Roles)) ModelState.AddModelError("Input.Roles", problem);
        if (!ModelState.IsValid) return Page();
        try
        {
            await users.SetRolesAsync(Id, region, Input.Roles);
        }
        catch (InvalidOperationException e)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }
        return Done("角色已保存；该用户已登录的会话已结束，重新登录后按新角色生效。");
    }

    public Task<IActionResult> OnPostDisableAsync() =>
        ActAsync(Permissions.UsersManage, () => users.DisableAsync(Id), "已停用，该用户的所有会话已立即结束。");

    public Task<IActionResult> OnPostEnableAsync() =>
        ActAsync(Permissions.UsersManage, () => users.EnableAsync(Id), "已启用。");

    public Task<IActionResult> OnPostUnlockAsync() =>
        ActAsync(Permissions.SecurityManage, () => users.UnlockAsync(Id), "已解除锁定。");

    public async Task<IActionResult> OnPostResetPasswordAsync()
    {
        if (!User.Can(Permissions.UsersManage) || Own) return Forbid();
        if (!await LoadAsync()) return NotFound();
        NewPassword = await users.ResetPasswordAsync(Id);
        await LoadAsync();
        Input = new InputModel { RegionCode = Account.RegionCode, Roles = [.. CurrentRoles] };
        return Page();
    }

    private async Task<IActionResult> ActAsync(string permission, Func<Task> action, string message)
    {
        if (!User.Can(permission) || Own) return Forbid();
        if (!await LoadAsync()) return NotFound();
        await action();
        return Done(message);
    }

    private RedirectToPageResult Done(string message)
    {
        TempData["Message"] = message;
        return RedirectToPage(new { id = Id });
    }

    private async Task<bool> LoadAsync()
    {
        try
        {
            Account = await users.FindAsync(Id);
        }
        catch (KeyNotFoundException)
        {
            return false;
        }
        CurrentRoles = await users.RolesAsync(Account);
        LockedOut = Account.LockoutEnd is { } end && end >= clock.GetUtcNow();
        return true;
    }
}

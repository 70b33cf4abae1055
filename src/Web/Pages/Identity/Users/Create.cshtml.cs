using System.ComponentModel.DataAnnotations;
using Bangfu.Employment.Employers;
using Bangfu.Identity.Users;
using Bangfu.Platform.Users;
using Microsoft.AspNetCore.Identity;
using Bangfu.Platform.Security;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Identity.Users;

/// <summary>
/// Creating an account (系统管理员): name, display name, region scope and roles under <see cref="RoleRules"/>. The answer
/// shows the one-time password once; it is never stored in clear, and the user must change it at first sign-in.
/// </summary>
public sealed class CreateModel(UserService users, EmployerService employers, UserManager<AppUser> accounts) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public CreatedUser? Created { get; private set; }
    public bool NeedsSecondFactor => Input.Roles.Any(RolePermissions.RequiresSecondFactor);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "请输入用户名"), RegularExpression(@"^[A-Za-z0-9._@+-]{3,50}$", ErrorMessage = "用户名为 3 到 50 位字母、数字或 ._@+-")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "请输入姓名"), StringLength(100)] public string DisplayName { get; set; } = "";

        [RegularExpression(@"^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})?$", ErrorMessage = "区划代码应为 2、4、6、9 或 12 位数字；全国留空")]
        public string? RegionCode { get; set; }

        public List<string> Roles { get; set; } = [];

        /// <summary>For an employer account (用人单位): the credit code of the registered employer it acts for.</summary>
        public string? EmployerCreditCode { get; set; }
    }

    public IActionResult OnGet() => User.Can(Permissions.UsersManage) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!User.Can(Permissions.UsersManage)) return Forbid();
        if (!ModelState.IsValid) return Page();
        var region = ScopeFor(Input.RegionCode, Input.Roles);
        foreach (var problem in RoleRules.Check(region, Input.Roles)) ModelState.AddModelError("Input.Roles", problem);
        Employer? employer = null;
        if (Input.Roles.Contains(Bangfu.Identity.Users.Roles.Employer))
        {
            if (!UnifiedSocialCreditCode.TryParse(Input.EmployerCreditCode, out var code, out var codeError))
                ModelState.AddModelError("Input.EmployerCreditCode", codeError);
            else if ((employer = await employers.FindByCreditCodeAsync(code.Value)) is null)
                ModelState.AddModelError("Input.EmployerCreditCode", "没有登记这个统一社会信用代码的用人单位；请先由县级就业部门登记该单位");
        }
        if (!ModelState.IsValid) return Page();
        try
        {
            Created = await users.CreateAsync(Input.UserName, Input.DisplayName, region, Input.Roles);
            // The account acts for this one employer (EmployerAccount): a claim of the user, read at every sign-in.
            if (employer is not null)
                await accounts.AddClaimAsync(Created.User, new System.Security.Claims.Claim(EmployerAccount.ClaimType, employer.Id.ToString()));
        }
        catch (InvalidOperationException e)
        {
            ModelState.AddModelError("", e.Message);
        }
        return Page();
    }

    /// <summary>Administrators hold no region scope; officers hold the code given (empty: nationwide).</summary>
    public static string? ScopeFor(string? regionCode, IReadOnlyCollection<string> roles) =>
        roles.Count > 0 && roles.All(RoleRules.Administrative.Contains) ? null : regionCode?.Trim() ?? "";
}

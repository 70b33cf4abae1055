using System.Security.Claims;
using Bangfu.Identity.Tokens;
using Bangfu.Platform.Security;
using Bangfu.Registry.Regions;
using Bangfu.Web.Api;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Account;

/// <summary>
/// The officer's personal access tokens (访问令牌) for programs that call the API: create one (name, lifetime of at most
/// a year, some of their own permissions, optionally a smaller region), see its secret once, list and revoke them.
/// Creating and revoking are audited (认证 token.create, token.revoke).
/// </summary>
[Authorize]
public sealed class TokensModel(AccessTokenService tokens, RegionDirectory regions) : PageModel
{
    /// <summary>What each permission lets a token do, in the officer's words.</summary>
    public static IReadOnlyDictionary<string, string> PermissionLabels { get; } = new Dictionary<string, string>
    {
        [Permissions.RegistryView] = "查看人员清单和档案（证件号码脱敏）",
        [Permissions.RegistryFullNames] = "显示完整姓名",
        [Permissions.RegistrySensitive] = "查看健康、残疾等敏感信息",
        [Permissions.RegistryUnmask] = "查看完整证件号码（须填写理由）",
        [Permissions.RegistryImport] = "导入花名册",
        [Permissions.RegistryExport] = "导出清单",
        [Permissions.QualityConfirm] = "确认数据质量问题",
        [Permissions.EmploymentRound] = "月度走访",
        [Permissions.ReportsView] = "查看报表（月调度）",
        [Permissions.UsersManage] = "管理账号",
        [Permissions.SecurityManage] = "安全管理",
        [Permissions.AuditView] = "查看审计日志",
    };

    [BindProperty] public TokenInput Input { get; set; } = new();

    public IReadOnlyList<PersonalAccessToken> Tokens { get; private set; } = [];

    /// <summary>The secret of the token just created; shown in this response only.</summary>
    public string? NewSecret { get; private set; }
    public string? NewName { get; private set; }

    /// <summary>The permissions the officer holds, which a token may be given.</summary>
    public IReadOnlyList<string> Grantable => Permissions.All.Where(User.Can).ToList();

    public string? ScopePrefix => User.FindFirstValue(BangfuClaimsPrincipalFactory.RegionClaim);

    public DateTimeOffset Now { get; private set; }

    public sealed class TokenInput
    {
        public string? Name { get; set; }
        [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "请填写有效天数")] public int ExpiresInDays { get; set; } = 90;
        public List<string> Permissions { get; set; } = [];
        public string? RegionCode { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (MustChangePassword) return RedirectToPage("ChangePassword");
        Input.Permissions = Grantable.Where(p => p is Permissions.RegistryView or Permissions.ReportsView).ToList();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (MustChangePassword) return RedirectToPage("ChangePassword");
        var region = Input.RegionCode?.Trim();
        if (!string.IsNullOrEmpty(region) && RegionsApi.ValidCode(region) && await regions.FindAsync(region, ct) is null)
            ModelState.AddModelError("Input.RegionCode", $"找不到区划代码“{region}”。");
        if (ModelState.IsValid)
        {
            try
            {
                var owner = new AccessTokenOwner(UserId, Grantable.ToHashSet(), ScopePrefix);
                var issued = await tokens.CreateAsync(owner, new AccessTokenRequest(Input.Name, Input.ExpiresInDays, Input.Permissions, region), ct);
                (NewSecret, NewName) = (issued.Secret, issued.Token.Name);
                await ApiAudit.RecordAsync(HttpContext, "认证", "token.create", target: issued.Token.Id.ToString(), regionCode: issued.Token.RegionCode,
                    details: new Dictionary<string, object?>
                    {
                        ["name"] = issued.Token.Name, ["permissions"] = issued.Token.Permissions, ["expires_at"] = issued.Token.ExpiresAt,
                    });
                Input = new TokenInput { Permissions = Input.Permissions };
                ModelState.Clear();
            }
            catch (AccessTokenRequestException e)
            {
                ModelState.AddModelError("Input." + e.Field, e.Message);
            }
        }
        // The secret is in this response only: no cache may keep it.
        Response.Headers.CacheControl = "no-store";
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        if (await tokens.RevokeAsync(UserId, id, ct) is not { } token) return NotFound();
        await ApiAudit.RecordAsync(HttpContext, "认证", "token.revoke", target: token.Id.ToString(),
            details: new Dictionary<string, object?> { ["name"] = token.Name });
        TempData["Message"] = $"已撤销令牌“{token.Name}”，使用它的程序将无法再访问。";
        return RedirectToPage();
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("没有登录用户。");

    private bool MustChangePassword => User.HasClaim(BangfuClaimsPrincipalFactory.MustChangePasswordClaim, "1");

    private async Task LoadAsync(CancellationToken ct)
    {
        Now = HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        Tokens = await tokens.ListAsync(UserId, ct);
    }

    public static string Label(string permission) => PermissionLabels.GetValueOrDefault(permission, permission);
}

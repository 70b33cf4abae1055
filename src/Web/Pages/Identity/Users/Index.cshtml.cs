using Bangfu.Identity.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Identity.Users;

/// <summary>
/// The accounts (系统管理员 manages them; 安全管理员 sees them to unlock): name, scope, roles, and whether disabled,
/// locked or using a second factor. No person data is shown here.
/// </summary>
public sealed class IndexModel(UserService users) : PageModel
{
    public const int Limit = 200;

    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    public IReadOnlyList<UserSummary> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Users = await users.ListAsync(Search, Limit, ct);

    public static string RoleNames(IEnumerable<string> roles) =>
        string.Join("、", roles.Select(r => Roles.DisplayNames.GetValueOrDefault(r, r)));

    public static string Scope(string? regionCode) => regionCode switch { null => "—", "" => "全国", var c => c };
}

using System.Security.Claims;
using Bangfu.Identity.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Account;

/// <summary>
/// The officer's own live sessions — device, address, sign-in and last use — and a button to end any of them
/// (ASVS 5.0 7.5.2). Ending the current one signs this browser out too.
/// </summary>
[Authorize]
public sealed class SessionsModel(SessionService sessions, TimeProvider clock) : PageModel
{
    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];
    public Guid? Current => HttpContext.Items[SessionTicketStore.CurrentSessionItem] as Guid?;
    public TimeZoneInfo Zone => clock.LocalTimeZone;

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken ct) => Sessions = await sessions.ActiveAsync(UserId, ct);

    public async Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken ct)
    {
        var ended = await sessions.EndAsync(UserId, id, SessionEndReason.EndedByUser, ct);
        if (id == Current) return RedirectToPage("/Account/Login");
        TempData["Message"] = ended ? "已结束该会话，那台设备需要重新登录。" : "该会话已经结束。";
        return RedirectToPage();
    }

    /// <summary>Ends every session but this one.</summary>
    public async Task<IActionResult> OnPostEndOthersAsync(CancellationToken ct)
    {
        var count = 0;
        foreach (var s in await sessions.ActiveAsync(UserId, ct))
            if (s.Id != Current && await sessions.EndAsync(UserId, s.Id, SessionEndReason.EndedByUser, ct)) count++;
        TempData["Message"] = count > 0 ? $"已结束其他 {count} 个会话。" : "没有其他会话。";
        return RedirectToPage();
    }

    public string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).ToString("yyyy-MM-dd HH:mm");
}

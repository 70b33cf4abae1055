using System.Globalization;
using Bangfu.Employment.Referrals;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Employment.Referrals;

/// <summary>
/// The cadre's follow-up worklist (跟踪回访): open follow-ups of placements in the scope, earliest due first, overdue ones
/// marked. Recording "no longer employed" puts the person back to 未就业有意愿 (see <see cref="ReferralService"/>).
/// </summary>
public sealed class FollowUpsModel(ReferralService referrals, RegionTree tree, Bangfu.Platform.Audit.AuditTrail audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool All { get; set; }
    public IReadOnlyList<FollowUpTask> Tasks { get; private set; } = [];
    public DateOnly Today => referrals.Today;
    [TempData] public string? Saved { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        await audit.RecordAsync(new Bangfu.Platform.Audit.AuditEntry(Bangfu.Platform.Audit.AuditCategories.Person, Bangfu.Platform.Audit.AuditEvents.PersonList,
            Target: tree.Base, Details: new { list = "跟踪回访任务", shown = Tasks.Count }, RegionCode: tree.Base), ct);
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Tasks = await referrals.OpenFollowUpsAsync(tree.Base ?? "\u0001", All ? null : Today.AddDays(14), ct);

    public async Task<IActionResult> OnPostAsync(Guid id, string? doneOn, bool? stillEmployed, string? wage, string? note, CancellationToken ct)
    {
        string? error = null;
        if (!DateOnly.TryParseExact(doneOn, "yyyy-MM-dd", out var on)) error = "回访日期格式应为 YYYY-MM-DD。";
        else if (stillEmployed is null) error = "请选择是否仍在岗。";
        decimal? amount = null;
        if (error is null && !string.IsNullOrWhiteSpace(wage))
        {
            if (decimal.TryParse(wage, NumberStyles.Number, CultureInfo.InvariantCulture, out var w)) amount = w;
            else error = "月工资应为数字（元），例如 4500。";
        }
        if (error is null)
        {
            try
            {
                var lostFrom = await referrals.CompleteFollowUpAsync(id, on, stillEmployed!.Value, amount, note, User.Identity?.Name, ct);
                Saved = lostFrom is { } p ? $"已登记回访：已不在岗，自 {p.ToChinese()} 起列入未就业有意愿人员。" : "已登记回访。";
                return RedirectToPage(new { all = All });
            }
            catch (KeyNotFoundException)
            {
                return NotFound();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                error = e.Message.Split(" (Parameter")[0];
            }
        }
        ModelState.AddModelError("", error);
        await LoadAsync(ct);
        return Page();
    }
}

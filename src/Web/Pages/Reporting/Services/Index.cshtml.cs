using System.Globalization;
using Bangfu.Employment.Reports;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Security;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Reporting.Services;

/// <summary>
/// 就业服务统计: per child region and month (<see cref="ServicesReport"/>): vacancies open, jobs offered, pushes, career
/// guidance, training referrals, 311 coverage, referrals, placements, retained at 3 and 6 months, people transported.
/// Figures link to the lists behind them; the table exports to xlsx (recorded as export.services_report). The region is
/// the caller's scope or below; anything else answers 404. Month as 2026-03 (default: the current month).
/// </summary>
public sealed class IndexModel(ServicesReport report, RegionTree tree, TimeProvider clock, AuditTrail audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    public int Year { get; private set; }
    public int MonthNumber { get; private set; }
    public IReadOnlyList<ServicesFigures> Rows { get; private set; } = [];
    public string RegionName { get; private set; } = "";
    public string? ScopeBase => tree.Base;
    public string Period => $"{Year:D4}-{MonthNumber:D2}";

    public static readonly string[] Headers = ["地区代码", "地区", "在招岗位", "岗位人数", "岗位推送", "职业指导", "培训信息",
        "311 对象", "311 已服务到位", "311 覆盖率(%)", "推荐", "上岗", "3 个月回访", "3 个月在岗", "6 个月回访", "6 个月在岗", "点对点输送人数", "招聘会场次", "参会人员"];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!User.Can(Permissions.RegistryExport)) return Forbid();
        if (await LoadAsync(ct) is { } problem) return problem;
        var fileName = $"就业服务统计-{Region}-{Period}.xlsx";
        await audit.RecordAsync(new AuditEntry(AuditCategories.Export, AuditEvents.ExportServicesReport, Target: fileName,
            Details: new { report = "就业服务统计", period = Period, rows = Rows.Count }, RegionCode: Region is { Length: > 0 } r ? r : null), ct);
        return SpreadsheetFile.Create(fileName, Headers, Rows.Select(r => (IReadOnlyList<object?>)
        [
            r.RegionCode, r.RegionName, r.OpenVacancies, r.JobsOffered, r.Pushes, r.Guidance, r.Training, r.CoverageTarget,
            r.CoverageComplete, r.CoveragePercent, r.Referrals, r.Placements, r.Due3, r.Retained3, r.Due6, r.Retained6, r.Transported,
            r.FairsHeld, r.FairAttendees,
        ]));
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (tree.Base is null) return NotFound();
        Region = string.IsNullOrWhiteSpace(Region) ? tree.Base : Region.Trim();
        if (!report.IsInScope(Region)) return NotFound();
        if (string.IsNullOrWhiteSpace(Month)) Month = clock.GetLocalNow().ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (!DateOnly.TryParseExact(Month.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            ModelState.AddModelError(nameof(Month), "月份应写作 2026-03");
            Month = clock.GetLocalNow().ToString("yyyy-MM", CultureInfo.InvariantCulture);
            first = DateOnly.ParseExact(Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        (Year, MonthNumber) = (first.Year, first.Month);
        RegionName = Region.Length == 0 ? "全国" : await tree.FullNameAsync(Region, ct);
        Rows = await report.ByRegionAsync(Region, Year, MonthNumber, ct);
        return null;
    }

    /// <summary>The page of the people behind the 推荐 / 上岗 figures: the referrals of a village (the picker above a village).</summary>
    public static string ReferralsUrl(string code) => $"/Employment/Referrals?village={code}";
}

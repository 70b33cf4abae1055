using Bangfu.Platform.Audit;
using Bangfu.Platform.Scope;
using Bangfu.Platform.Time;
using Bangfu.Reporting.MonthlyDispatch;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using Bangfu.Platform.Security;

namespace Bangfu.Web.Pages.Reporting.Monthly;

/// <summary>The monthly dispatch (月调度) of a region: a row per child region down to village, every figure a link to
/// the people behind it, the same month last year, the reporting rate, and an Excel export (recorded in the audit trail).</summary>
public sealed class IndexModel(MonthlyDispatchService dispatch, RegionScopeAccessor scope, TimeProvider clock, AuditTrail audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }

    public MonthlyDispatchReport? Report { get; private set; }

    /// <summary>The caller's scope (the report cannot go above it).</summary>
    public string? ScopePrefix => scope.Scope.Prefix;
    public Period Month { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Period))
        {
            // By default the latest month with data (the month an import or the round last recorded), at most last month.
            var now = clock.GetLocalNow();
            Period = (await dispatch.LatestPeriodAsync(new Period(now.Year, now.Month), ct))?.ToString();
        }
        if (!Resolve(out var month)) return Page();
        try
        {
            Report = await dispatch.GetAsync(Region, month, ct);
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!User.Can(Permissions.RegistryExport)) return Forbid();
        if (!Resolve(out var month)) return BadRequest();
        MonthlyDispatchReport report;
        try
        {
            report = await dispatch.GetAsync(Region, month, ct);
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        var rows = report.Children.Prepend(report.Total).Select(r => (IReadOnlyList<(string, object?)>)
        [
            ("区划代码", r.RegionCode), ("区域", r.RegionName), ("人数", r.Figures.Persons), ("户数", r.Figures.Households),
            ("劳动力", r.Figures.LabourForce), ("务工就业", r.Figures.Employed), ("省外", r.Figures.EmployedOutsideProvince),
            ("省内县外", r.Figures.EmployedInProvinceOutsideCounty), ("县内", r.Figures.EmployedInCounty), ("地点不明", r.Figures.EmployedWorkplaceUnknown),
            ("帮扶车间", r.Figures.WorkshopWorkers), ("公益性岗位", r.Figures.PublicWelfareJobs), ("有劳动力未就业", r.Figures.AbleNotEmployed),
            ("本月返乡", r.Figures.ReturnedThisMonth), ("去年同期务工", r.SameMonthLastYear?.Employed),
            ("有数据村数", r.Villages), ("已报送村数", r.VillagesClosed), ("报送率", r.ReportingRate is { } rate ? rate.ToString("P1") : null),
        ]).ToList();
        var fileName = $"月调度-{report.Total.RegionName}-{month}.xlsx";
        await audit.RecordAsync(new AuditEntry(AuditCategories.Export, AuditEvents.ExportDispatch, Target: fileName,
            Details: new { rows = rows.Count, period = month.ToString() }, RegionCode: string.IsNullOrEmpty(report.Total.RegionCode) ? null : report.Total.RegionCode), ct);
        return SpreadsheetFile.Create(fileName, rows);
    }

    private bool Resolve(out Period month)
    {
        Region = string.IsNullOrWhiteSpace(Region) ? scope.Scope.Prefix : Region.Trim();
        if (string.IsNullOrWhiteSpace(Period))
        {
            var now = clock.GetLocalNow();
            month = new Period(now.Year, now.Month).Previous();
            Period = month.ToString();
        }
        else if (!Bangfu.Platform.Time.Period.TryParse(Period, out month))
        {
            ModelState.AddModelError(nameof(Period), "月份格式应为 YYYY-MM。");
            return false;
        }
        Month = month;
        return true;
    }
}

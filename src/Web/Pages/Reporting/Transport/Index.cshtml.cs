using Bangfu.Employment.Contracts;
using Bangfu.Employment.Transport;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Security;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Reporting.Transport;

/// <summary>
/// 点对点输送统计: people carried per child region for a month, quarter or year (<see cref="ReportPeriod"/>), each figure
/// a link to the people behind it, exportable to Excel (the export recorded in the audit trail). The region is the
/// caller's scope or below; above it answers 404. Counts only the passengers of the caller's scope.
/// </summary>
public sealed class IndexModel(TransportReport report, RegionTree tree, TimeProvider clock, AuditTrail audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }

    public ReportPeriod Span { get; private set; }
    public IReadOnlyList<CarriedFigures> Rows { get; private set; } = [];
    public string RegionName { get; private set; } = "";

    /// <summary>The caller's scope (the report cannot go above it).</summary>
    public string? ScopeBase => tree.Base;

    public static readonly string[] Headers = ["地区代码", "地区", "输送人次", "输送人数", "确认到达", "省外", "省内县外", "县内", "不明"];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!User.Can(Permissions.RegistryExport)) return Forbid();
        if (await LoadAsync(ct) is { } problem) return problem;
        var fileName = $"点对点输送-{Region}-{Span}.xlsx";
        await audit.RecordAsync(new AuditEntry(AuditCategories.Export, AuditEvents.ExportTransport, Target: fileName,
            Details: new { report = "点对点输送统计", period = Span.ToString(), rows = Rows.Count }, RegionCode: Region is { Length: > 0 } r ? r : null), ct);
        return SpreadsheetFile.Create(fileName, Headers, Rows.Select(r => (IReadOnlyList<object?>)
            [r.RegionCode, r.RegionName, r.Trips, r.Persons, r.Arrived, r.OutsideProvince, r.InProvinceOutsideCounty, r.InCounty, r.Unknown]));
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (tree.Base is null) return NotFound();
        Region = string.IsNullOrWhiteSpace(Region) ? tree.Base : Region.Trim();
        if (!report.IsInScope(Region)) return NotFound();
        if (string.IsNullOrWhiteSpace(Period))
        {
            var today = clock.GetLocalNow();
            Period = $"{today.Year:D4}";
        }
        if (!ReportPeriod.TryParse(Period, out var span)) return BadRequest();
        Span = span;
        RegionName = Region.Length == 0 ? "全国" : await tree.FullNameAsync(Region, ct);
        Rows = await report.ByRegionAsync(Region, span, ct);
        return null;
    }
}

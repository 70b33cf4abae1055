using Bangfu.Employment.Services;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Security;
using Bangfu.Registry.Regions;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Employment.Ledger;

/// <summary>
/// The 311 ledger (311 服务台账): coverage of a region for a year (target group, fully served, each component's coverage)
/// with its children one level down, drilling down to a village and its people; at village level, the worklist of who
/// still lacks what. Exports to Excel (ID numbers masked), audited; the people lists are audited as list views.
/// </summary>
public sealed class IndexModel(Ledger311Service ledger, RegionTree tree, AuditTrail audit) : PageModel
{
    public const string ExportEvent = "export.ledger_311";

    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public bool Worklist { get; set; }

    public IReadOnlyList<Region> Path { get; private set; } = [];
    public CoverageReport Report { get; private set; } = null!;
    public IReadOnlyList<LedgerLine> People { get; private set; } = [];
    public bool IsVillage => Region is { Length: 12 };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } problem) return problem;
        if (IsVillage)
            await audit.RecordAsync(new AuditEntry(AuditCategories.Person, AuditEvents.PersonList, Target: Region,
                Details: new { list = Worklist ? "311 待服务清单" : "311 台账", year = Year, shown = People.Count }, RegionCode: Region), ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!User.Can(Permissions.RegistryExport)) return Forbid();
        if (await LoadAsync(ct) is { } problem) return problem;
        var name = Report.Total.Name;
        StreamedDownload file;
        string fileName;
        int count;
        if (IsVillage)
        {
            var rows = People.Select((l, i) => (IReadOnlyList<(string, object?)>)
            [
                ("序号", i + 1), ("村（社区）", name), ("人口编号", l.Person.PersonNumber), ("姓名", User.PersonName(l.Person.Name)),
                ("证件号码", l.Person.IdNumberMasked), ("联系电话", l.Person.PhoneMasked), ("岗位推送（次）", l.Counts.Pushes),
                ("职业指导（次）", l.Counts.Guidance), ("培训信息（次）", l.Counts.Training), ("是否完成", l.Counts.Complete),
                ("尚缺", l.Counts.Missing), ("目前仍未就业", l.StillSeeking),
            ]).ToList();
            fileName = $"311台账-{name}-{Year}.xlsx";
            (file, count) = (SpreadsheetFile.Create(fileName, rows), rows.Count);
        }
        else
        {
            var rows = Report.Children.Append(Report.Total).Select(r => (IReadOnlyList<(string, object?)>)
            [
                ("区划代码", r.Code), ("地区", r.Code == Report.Total.Code ? r.Name + "（合计）" : r.Name), ("服务对象（人）", r.Target),
                ("全部完成（人）", r.Complete), ("完成率%", r.CompletePercent), ("岗位推送≥3次（人）", r.PushesMet), ("推送覆盖率%", r.PushesPercent),
                ("职业指导≥1次（人）", r.GuidanceMet), ("指导覆盖率%", r.GuidancePercent), ("培训信息≥1次（人）", r.TrainingMet), ("培训覆盖率%", r.TrainingPercent),
            ]).ToList();
            fileName = $"311覆盖-{name}-{Year}.xlsx";
            (file, count) = (SpreadsheetFile.Create(fileName, rows), rows.Count);
        }
        await audit.RecordAsync(new AuditEntry(AuditCategories.Export, ExportEvent, Target: fileName,
            Details: new { rows = count, year = Year, worklist = Worklist }, RegionCode: Region), ct);
        return file;
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Year ??= ledger.Today.Year;
        if (Year is < 2015 or > 2099) Year = ledger.Today.Year;
        Region = string.IsNullOrWhiteSpace(Region) ? tree.Base : Region.Trim();
        if (Region is null) return NotFound();
        if (!tree.InScope(Region) || Region.Length is not (0 or 2 or 4 or 6 or 9 or 12) || !Region.All(char.IsAsciiDigit)) return NotFound();
        Path = await tree.PathAsync(Region, ct);
        if (Region.Length > 0 && Path.Count == 0) return NotFound();
        Report = await ledger.CoverageAsync(Region, Year.Value, ct);
        if (IsVillage) People = await ledger.LedgerAsync(Region, Year.Value, Worklist, ct);
        return null;
    }
}

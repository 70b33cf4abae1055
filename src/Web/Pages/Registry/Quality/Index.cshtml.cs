using Bangfu.Platform.Scope;
using Bangfu.Registry.Contracts;
using Bangfu.Registry.DataQuality;
using Bangfu.Registry.Regions;
using Bangfu.Registry.RosterExport;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using Bangfu.Platform.Security;

namespace Bangfu.Web.Pages.Registry.Quality;

/// <summary>
/// The open data-quality issues of the caller's region as a worklist: by village and by rule, counts per rule, a link
/// to each person, 已核实 to close an issue whose data is right as it is (recorded in the audit trail), and an Excel
/// export of the list. Names show as the user may see them; findings about sensitive fields only to those who may see them.
/// </summary>
public sealed class IndexModel(QualityIssueService issues, RosterExportService exports, RegionDirectory regions, RegionScopeAccessor scope, TimeProvider clock) : PageModel
{
    public const int PageSize = 100;

    /// <summary>A village (12 digits) or any region code in scope; empty for the whole scope.</summary>
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Rule { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? After { get; set; }

    public QualityIssuePage Result { get; private set; } = new([], 0, null);
    public IReadOnlyList<(QualityRule Rule, int Count)> RuleCounts { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name, int Count)> Villages { get; private set; } = [];
    public IReadOnlyDictionary<string, string> VillageNames { get; private set; } = new Dictionary<string, string>();
    public string RegionName { get; private set; } = "";

    /// <summary>The caller sees one village only: no village filter to offer.</summary>
    public bool SingleVillage => scope.Scope.Prefix is { Length: 12 };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // A region unknown or outside the caller's scope is not found, like any record out of scope; the page says why.
        if (await ScopeCodeAsync(ct) is not { } scopeCode)
        {
            var page = Page();
            page.StatusCode = StatusCodes.Status404NotFound;
            return page;
        }
        var code = Region ?? scopeCode;
        var names = new RegionPaths(regions);
        RegionName = await names.NameAsync(code, ct);
        var hideSensitive = !User.Can(Permissions.RegistrySensitive);
        RuleCounts = await issues.CountsByRuleAsync(code, hideSensitive, ct);
        var villages = await issues.VillagesAsync(scopeCode, hideSensitive, ct);
        var villageNames = await names.NamesAsync(villages.Select(v => v.VillageCode), ct);
        Villages = villages.Select(v => (v.VillageCode, villageNames[v.VillageCode], v.Count)).ToList();
        Result = await issues.ListAsync(new QualityIssueFilter(code, Rule) { HideSensitive = hideSensitive }, After, PageSize, ct);
        VillageNames = await names.NamesAsync(Result.Items.Select(i => i.RegionCode), ct);
        return Page();
    }

    /// <summary>已核实: the data is right as it is; the issue is closed with who and when.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken ct)
    {
        if (!User.Can(Permissions.QualityConfirm)) return Forbid();
        if (!await issues.ConfirmAsync(id, User.Identity?.Name, ct)) return NotFound();
        TempData["Message"] = "已标记为已核实（数据无误），该问题不再列入清单。";
        return RedirectToPage(new { region = Region, rule = Rule, after = After });
    }

    public async Task<IActionResult> OnPostExportAsync(CancellationToken ct)
    {
        if (!User.Can(Permissions.RegistryExport)) return Forbid();
        if (await ScopeCodeAsync(ct) is not { } scopeCode) return NotFound();
        if ((Region ?? scopeCode).Length == 0)
        {
            TempData["Message"] = "导出前请先选择一个村或填写区划代码。";
            return RedirectToPage(new { rule = Rule });
        }
        var region = await exports.RegionAsync(Region ?? scopeCode, ct);
        var request = new RegistryExportRequest(RegistryExportKind.QualityIssues, region.Code, ExportFormat.Xlsx)
            { RuleCode = Rule, UserName = User.Identity?.Name, View = User.PersonalDataView() };
        var fileName = RosterExportService.FileName(request.Kind, region, ExportFormat.Xlsx, DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        return new StreamedDownload(fileName, TableWriters.ContentType(ExportFormat.Xlsx), (stream, token) => exports.ExportAsync(request, stream, token));
    }

    public QualityRule? RuleOf(string code) => issues.Rule(code);

    // The caller's scope prefix ("" nationwide), and Region set to the region asked for when it lies inside it.
    private async Task<string?> ScopeCodeAsync(CancellationToken ct)
    {
        if (scope.Scope.Prefix is not { } prefix) return null;
        Region = string.IsNullOrWhiteSpace(Region) || Region.Trim() == prefix ? null : Region.Trim();
        if (Region is null) return prefix;
        try
        {
            Region = (await exports.RegionAsync(Region, ct)).Code;
            return prefix;
        }
        catch (KeyNotFoundException e)
        {
            ModelState.AddModelError(nameof(Region), e.Message);
            Region = null;
            return null;
        }
    }
}

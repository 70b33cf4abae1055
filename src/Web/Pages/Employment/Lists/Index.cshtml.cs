using Bangfu.Employment.Contracts;
using Bangfu.Employment.MonthlyRound;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Time;
using Bangfu.Registry.CodeLists;
using Bangfu.Registry.Regions;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using Bangfu.Platform.Security;

namespace Bangfu.Web.Pages.Employment.Lists;

/// <summary>
/// A village's lists for a month (人员清单, 返乡人员清单, 有意愿外出务工人员清单, 未就业有意愿), computed from the current
/// situations every time, with counts and an Excel export of each (ID numbers and phones masked, names as the user may
/// see them). Each list shown is recorded as one list view with its count, each export with its rows.
/// </summary>
public sealed class IndexModel(MonthlyRoundService round, RegionTree tree, AuditTrail audit) : PageModel
{
    public static IReadOnlyList<(VillageList List, string Name)> Tabs { get; } =
    [
        (VillageList.Roster, "人员清单"),
        (VillageList.Returnees, "返乡人员清单"),
        (VillageList.WillingToWorkAway, "有意愿外出务工人员清单"),
        (VillageList.UnemployedWilling, "未就业有意愿"),
    ];

    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public string? List { get; set; }

    public RegionPickerModel Picker { get; private set; } = null!;
    public Region? Place { get; private set; }
    public Period Month { get; private set; }
    public VillageList Current { get; private set; }
    public IReadOnlyDictionary<VillageList, int> Counts { get; private set; } = new Dictionary<VillageList, int>();
    public IReadOnlyList<RoundEntry> Rows { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Workplaces { get; private set; } = new Dictionary<string, string>();

    public string CurrentName => Tabs.First(t => t.List == Current).Name;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Village = string.IsNullOrWhiteSpace(Village) ? tree.OwnVillage : Village.Trim();
        Picker = await tree.PickerAsync("village", Village, RegionLevel.Village, submitOnChoice: true, ct: ct);
        // A region above village level is a choice not yet finished: the picker shows it and asks for the village.
        if (Village is null || (Village.Length < 12 && tree.InScope(Village))) return Page();
        if (await LoadAsync(ct) is { } problem) return problem;
        await audit.RecordAsync(new AuditEntry(AuditCategories.Person, AuditEvents.PersonList, Target: Place!.Code,
            Details: new { list = CurrentName, period = Period, shown = Rows.Count, total = Rows.Count }, RegionCode: Place.Code), ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!User.Can(Permissions.RegistryExport)) return Forbid();
        if (await LoadAsync(ct) is { } problem) return problem;
        if (!ModelState.IsValid) return BadRequest();
        var codes = CodeLists.Default;
        var rows = Rows.Select((e, i) => (IReadOnlyList<(string, object?)>)
        [
            ("序号", i + 1), ("村（社区）", Place!.PlainName), ("人口编号", e.Person.PersonNumber), ("姓名", User.PersonName(e.Person.Name)),
            ("性别", codes.Sex.ByCode(e.Person.SexCode)?.Name), ("证件号码", e.Person.IdNumberMasked), ("联系电话", e.Person.PhoneMasked),
            ("劳动技能", codes.LabourCapacity.ByCode(e.Person.LabourCapacityCode)?.Name), ("目前状态", SituationText.Label(e.Situation)),
            ("务工地点", WorkplaceOf(e)), ("用人单位", e.Situation?.EmployerName), ("返乡日期", e.Situation?.ReturnedOn),
            ("有意愿外出务工", e.Situation?.WillingToWorkAway),
        ]).ToList();
        var fileName = $"{CurrentName}-{Place!.PlainName}-{Month}.xlsx";
        await audit.RecordAsync(new AuditEntry(AuditCategories.Export, AuditEvents.ExportVillageList, Target: fileName,
            Details: new { rows = rows.Count, list = CurrentName, period = Period }, RegionCode: Place.Code), ct);
        return SpreadsheetFile.Create(fileName, rows);
    }

    /// <summary>The workplace as written (湖南省长沙市宁乡市), else the kind (省外, 县内), else nothing.</summary>
    public string? WorkplaceOf(RoundEntry entry) =>
        entry.Situation?.WorkplaceRegionCode is { } code && Workplaces.TryGetValue(code, out var name) ? name
        : entry.Situation is { Employed: true } s ? SituationText.Workplace(s.Workplace) : null;

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if ((Place = await tree.VillageAsync(Village, ct)) is null) return NotFound();
        Current = Enum.TryParse<VillageList>(List, out var list) && Tabs.Any(t => t.List == list) ? list : VillageList.Roster;
        Month = await round.CurrentPeriodAsync(Place.Code, ct);
        if (!string.IsNullOrWhiteSpace(Period))
        {
            if (Bangfu.Platform.Time.Period.TryParse(Period, out var asked)) Month = asked;
            else ModelState.AddModelError(nameof(Period), "月份格式应为 YYYY-MM，例如 2022-01。");
        }
        Period = Month.ToString();
        var everyone = await round.ListAsync(Place.Code, Month, VillageList.Roster, ct);
        Counts = Tabs.ToDictionary(t => t.List, t => everyone.Count(e => MonthlyRoundService.Belongs(e, t.List)));
        Rows = everyone.Where(e => MonthlyRoundService.Belongs(e, Current)).ToList();
        var names = new Dictionary<string, string>();
        foreach (var code in Rows.Select(r => r.Situation?.WorkplaceRegionCode).OfType<string>().Distinct())
            names[code] = await tree.FullNameAsync(code, ct);
        Workplaces = names;
        return null;
    }
}

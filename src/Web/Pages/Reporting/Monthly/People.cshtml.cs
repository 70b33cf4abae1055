using Bangfu.Employment.Contracts;
using Bangfu.Platform.Audit;
using Bangfu.Employment.Situations;
using Bangfu.Platform.Time;
using Bangfu.Registry.Contracts;
using Bangfu.Registry.Regions;
using Bangfu.Reporting.MonthlyDispatch;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

using Bangfu.Platform.Security;

namespace Bangfu.Web.Pages.Reporting.Monthly;

/// <summary>
/// The people behind one figure of the dispatch (masked identifiers, names as the user may see them), keyset-paged,
/// exportable. Each page shown is recorded as one list view with its count, each export with its rows.
/// </summary>
public sealed class PeopleModel(MonthlyDispatchService dispatch, IPersonDirectory people, RegionDirectory regions, AuditTrail audit) : PageModel
{
    public const int PageSize = 200;

    [BindProperty(SupportsGet = true)] public string Region { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Period { get; set; } = "";
    [BindProperty(SupportsGet = true)] public DispatchFigure Figure { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? After { get; set; }

    public IReadOnlyList<(PersonSummary Person, EmploymentSituation Situation)> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public string RegionName { get; private set; } = "";
    public Guid? NextAfter { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Bangfu.Platform.Time.Period.TryParse(Period, out var month) || string.IsNullOrWhiteSpace(Region)) return BadRequest();
        if (!dispatch.IsInScope(Region)) return NotFound();
        RegionName = (await regions.FindAsync(Region, ct)) is { } r ? (r.Level == RegionLevel.Village ? r.PlainName : r.Name) : Region;
        var query = dispatch.Behind(Region, month, Figure);
        Total = await query.CountAsync(ct);
        var page = await query.Where(s => After == null || s.Id.CompareTo(After.Value) > 0)
            .OrderBy(s => s.Id).Take(PageSize + 1).ToListAsync(ct);
        NextAfter = page.Count > PageSize ? page[PageSize - 1].Id : null;
        page = page.Take(PageSize).ToList();
        var persons = await people.FindManyAsync(page.Select(s => s.PersonId).ToList(), ct);
        Rows = page.Where(s => persons.ContainsKey(s.PersonId)).Select(s => (persons[s.PersonId], s)).ToList();
        await audit.RecordAsync(new AuditEntry(AuditCategories.Person, AuditEvents.PersonList, Target: Region,
            Details: new { list = "报表名单：" + SituationText.Figure(Figure), period = Period, shown = Rows.Count, total = Total, continued = After is not null },
            RegionCode: Region), ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!User.Can(Permissions.RegistryExport)) return Forbid();
        if (!Bangfu.Platform.Time.Period.TryParse(Period, out var month) || string.IsNullOrWhiteSpace(Region)) return BadRequest();
        if (!dispatch.IsInScope(Region)) return NotFound();
        var situations = await dispatch.Behind(Region, month, Figure).OrderBy(s => s.RegionCode).ToListAsync(ct);
        var persons = await people.FindManyAsync(situations.Select(s => s.PersonId).ToList(), ct);
        var rows = situations.Where(s => persons.ContainsKey(s.PersonId)).Select(s => (IReadOnlyList<(string, object?)>)
        [
            ("村代码", s.RegionCode), ("人口编号", persons[s.PersonId].PersonNumber), ("姓名", User.PersonName(persons[s.PersonId].Name)),
            ("证件号码", persons[s.PersonId].IdNumberMasked), ("联系电话", persons[s.PersonId].PhoneMasked),
            ("状态", SituationText.Status(s.Status)), ("务工地点", SituationText.Workplace(s.Workplace)), ("务工单位", s.EmployerName),
            ("返乡日期", s.ReturnedOn),
        ]).ToList();
        var fileName = $"名单-{Region}-{month}-{SituationText.Figure(Figure)}.xlsx";
        await audit.RecordAsync(new AuditEntry(AuditCategories.Export, AuditEvents.ExportFigurePeople, Target: fileName,
            Details: new { rows = rows.Count, figure = SituationText.Figure(Figure), period = Period }, RegionCode: Region), ct);
        return SpreadsheetFile.Create(fileName, rows);
    }
}

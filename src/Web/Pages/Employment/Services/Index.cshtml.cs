using Bangfu.Employment.Services;
using Bangfu.Platform.Audit;
using Bangfu.Registry.Regions;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Employment.Services;

/// <summary>
/// Recording 311 services on a phone: the village's target group for the year with what each still lacks, tick one or
/// several people, pick the service, date and channel, save. People outside the caller's scope are not found (404).
/// </summary>
public sealed class IndexModel(Ledger311Service ledger, RegionTree tree, AuditTrail audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public ServiceForm Input { get; set; } = new();

    public RegionPickerModel Picker { get; private set; } = null!;
    public Region? Place { get; private set; }
    public IReadOnlyList<LedgerLine> Lines { get; private set; } = [];
    [TempData] public string? Saved { get; set; }

    public sealed class ServiceForm
    {
        public List<Guid> People { get; set; } = [];
        public ServiceKind? Kind { get; set; }
        public string? Date { get; set; }
        public ServiceChannel? Channel { get; set; }
        public string? What { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input.Date ??= ledger.Today.ToString("yyyy-MM-dd");
        if (await LoadAsync(ct) is { } problem) return problem;
        if (Place is not null)
            await audit.RecordAsync(new AuditEntry(AuditCategories.Person, AuditEvents.PersonList, Target: Place.Code,
                Details: new { list = "311 服务对象", year = Year, shown = Lines.Count }, RegionCode: Place.Code), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } problem) return problem;
        if (Place is null) return NotFound();
        if (Input.People.Count == 0) ModelState.AddModelError("Input.People", "请至少选择一人。");
        if (Input.Kind is null) ModelState.AddModelError("Input.Kind", "请选择服务类型。");
        if (Input.Channel is null) ModelState.AddModelError("Input.Channel", "请选择服务方式。");
        if (!DateOnly.TryParseExact(Input.Date, "yyyy-MM-dd", out var date)) ModelState.AddModelError("Input.Date", "服务日期格式应为 YYYY-MM-DD。");
        if (!ModelState.IsValid) return Page();
        try
        {
            var records = await ledger.RecordAsync(Input.People, new ServiceInput(Input.Kind!.Value, date, Input.Channel!.Value, Input.What), User.Identity?.Name, ct: ct);
            Saved = $"已登记 {records.Count} 人的{ServiceText.Kind(Input.Kind.Value)}（{date:yyyy-MM-dd}）。";
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        catch (ArgumentException e)
        {
            ModelState.AddModelError("Input." + e.ParamName, e.Message.Split(" (Parameter")[0]);
            return Page();
        }
        return RedirectToPage(new { village = Place.Code, year = Year });
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Year ??= ledger.Today.Year;
        if (Year is < 2015 or > 2099) Year = ledger.Today.Year;
        Village = string.IsNullOrWhiteSpace(Village) ? tree.OwnVillage : Village.Trim();
        Picker = await tree.PickerAsync("village", Village, RegionLevel.Village, submitOnChoice: true, ct: ct);
        if (Village is null || (Village.Length < 12 && tree.InScope(Village))) return null;
        if ((Place = await tree.VillageAsync(Village, ct)) is null) return NotFound();
        Lines = (await ledger.LedgerAsync(Place.Code, Year.Value, ct: ct))
            .OrderByDescending(l => l.StillSeeking).ThenBy(l => l.Counts.Complete).ThenBy(l => l.Person.PersonNumber, StringComparer.Ordinal).ToList();
        return null;
    }
}

using Bangfu.Employment.Services;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Security;
using Bangfu.Registry.Regions;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Employment.Services;

/// <summary>
/// A village's push list (岗位推送清单): the unemployed and willing with their top vacancies, to print, export or send.
/// Recording the delivery (date, channel) makes one job push per person ticked; an SMS goes to the outbox and counts only
/// when the gateway sends it (without a gateway it stays "未配置短信网关，未发送").
/// </summary>
public sealed class PushModel(PushListService pushes, OutboxService outbox, Ledger311Service ledger, RegionTree tree, AuditTrail audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public List<Guid> People { get; set; } = [];
    [BindProperty] public string? Date { get; set; }
    [BindProperty] public ServiceChannel? Channel { get; set; }
    [BindProperty] public string? Text { get; set; }

    public RegionPickerModel Picker { get; private set; } = null!;
    public Region? Place { get; private set; }
    public IReadOnlyList<PushLine> Lines { get; private set; } = [];
    public bool GatewayConfigured => outbox.GatewayConfigured;
    [TempData] public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Date ??= ledger.Today.ToString("yyyy-MM-dd");
        if (await LoadAsync(ct) is { } problem) return problem;
        if (Place is not null)
            await audit.RecordAsync(new AuditEntry(AuditCategories.Person, AuditEvents.PersonList, Target: Place.Code,
                Details: new { list = "岗位推送清单", year = Year, shown = Lines.Count }, RegionCode: Place.Code), ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!User.Can(Permissions.RegistryExport)) return Forbid();
        if (await LoadAsync(ct) is { } problem) return problem;
        if (Place is null) return NotFound();
        var rows = Lines.Select((l, i) => (IReadOnlyList<(string, object?)>)
        [
            ("序号", i + 1), ("村（社区）", Place.PlainName), ("姓名", User.PersonName(l.Person.Name)), ("证件号码", l.Person.IdNumberMasked),
            ("联系电话", l.Person.PhoneMasked), ("本年岗位推送", l.Counts.Pushes), ("尚缺", l.Counts.Missing),
            ("推荐岗位", string.Join("；", l.Vacancies.Select(v => $"{v.Employer} {v.Title}（{v.Workplace}，{v.Wage}）"))),
        ]).ToList();
        var fileName = $"岗位推送清单-{Place.PlainName}-{Year}.xlsx";
        await audit.RecordAsync(new AuditEntry(AuditCategories.Export, AuditEvents.ExportVillageList, Target: fileName,
            Details: new { rows = rows.Count, list = "岗位推送清单", year = Year }, RegionCode: Place.Code), ct);
        return SpreadsheetFile.Create(fileName, rows);
    }

    public async Task<IActionResult> OnPostDeliverAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } problem) return problem;
        if (Place is null) return NotFound();
        if (People.Count == 0) ModelState.AddModelError(nameof(People), "请至少选择一人。");
        if (Channel is null) ModelState.AddModelError(nameof(Channel), "请选择推送方式。");
        if (!DateOnly.TryParseExact(Date, "yyyy-MM-dd", out var date)) ModelState.AddModelError(nameof(Date), "推送日期格式应为 YYYY-MM-DD。");
        if (!ModelState.IsValid) return Page();
        // The vacancies listed for each person ticked, as the list showed them (ids only, from the page's hidden fields).
        var vacancies = People.Distinct().ToDictionary(p => p, p => (IReadOnlyList<Guid>)Request.Form[$"v.{p}"]
            .Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList());
        try
        {
            var records = await pushes.RecordDeliveryAsync(vacancies, date, Channel!.Value, null, User.Identity?.Name, ct);
            Saved = $"已登记 {records.Count} 人的岗位推送（{ServiceText.Channel(Channel.Value)}，{date:yyyy-MM-dd}）。";
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        catch (ArgumentException e)
        {
            ModelState.AddModelError(e.ParamName ?? "", e.Message.Split(" (Parameter")[0]);
            return Page();
        }
        return RedirectToPage(new { village = Place.Code, year = Year });
    }

    public async Task<IActionResult> OnPostSmsAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } problem) return problem;
        if (Place is null) return NotFound();
        try
        {
            var vacancies = Lines.ToDictionary(l => l.Person.Id, l => (IReadOnlyList<Guid>)l.Vacancies.Select(v => v.Id).ToList());
            var result = await outbox.QueueAsync(People, Text ?? "", vacancies, User.Identity?.Name, ct);
            var sent = result.Messages.Count(m => m.State == OutboxState.Sent);
            Saved = (outbox.GatewayConfigured
                        ? $"已发送 {sent} 条，未发送 {result.Messages.Count - sent} 条（见发件箱）；已发送的计入岗位推送。"
                        : $"{result.Messages.Count} 条短信已进入发件箱：{OutboxMessage.NotConfiguredError}，不计入岗位推送。")
                    + (result.WithoutPhone.Count > 0 ? $" {result.WithoutPhone.Count} 人没有登记电话。" : "");
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        catch (ArgumentException e)
        {
            ModelState.AddModelError(e.ParamName ?? "", e.Message.Split(" (Parameter")[0]);
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
        Lines = await pushes.ListAsync(Place.Code, Year.Value, ct: ct);
        return null;
    }
}

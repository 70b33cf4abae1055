using Bangfu.Employment.Transport;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Security;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Reporting.Transport;

/// <summary>
/// The people behind a figure of the transport report: one row per trip (masked ID numbers, names as the user may see
/// them), exportable. Each view is recorded as a list view with its count, each export with its rows.
/// </summary>
public sealed class PeopleModel(TransportReport report, RegionTree tree, AuditTrail audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Region { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Period { get; set; } = "";

    public ReportPeriod Span { get; private set; }
    public IReadOnlyList<CarriedTrip> Trips { get; private set; } = [];
    public string RegionName { get; private set; } = "";
    public Dictionary<string, string> Names { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } problem) return problem;
        foreach (var code in Trips.SelectMany(t => new[] { t.Person.RegionCode, t.Batch.DestinationRegionCode }).Distinct())
            Names[code] = await tree.FullNameAsync(code, ct);
        await audit.RecordAsync(new AuditEntry(AuditCategories.Person, AuditEvents.PersonList, Target: Region,
            Details: new { list = "点对点输送名单", period = Span.ToString(), shown = Trips.Count }, RegionCode: Region.Length == 0 ? null : Region), ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!User.Can(Permissions.RegistryExport)) return Forbid();
        if (await LoadAsync(ct) is { } problem) return problem;
        var fileName = $"点对点输送名单-{Region}-{Span}.xlsx";
        await audit.RecordAsync(new AuditEntry(AuditCategories.Export, AuditEvents.ExportTransport, Target: fileName,
            Details: new { list = "点对点输送名单", period = Span.ToString(), rows = Trips.Count }, RegionCode: Region.Length == 0 ? null : Region), ct);
        return SpreadsheetFile.Create(fileName,
            ["村代码", "人口编号", "姓名", "证件号码", "出发日期", "目的地代码", "用人单位", "运输方式", "务工地点", "到达日期"],
            Trips.Select(t => (IReadOnlyList<object?>)
            [
                t.Person.RegionCode, t.Person.PersonNumber, User.PersonName(t.Person.Name), t.Person.IdNumberMasked, t.Batch.TravelDate,
                t.Batch.DestinationRegionCode, t.Batch.EmployerName, TransportBatch.ModeText(t.Batch.Mode), Workplaces.Text(t.Workplace), t.Passenger.ArrivedOn,
            ]));
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Region = Region?.Trim() ?? "";
        if (!ReportPeriod.TryParse(Period, out var span)) return BadRequest();
        if (!report.IsInScope(Region)) return NotFound();
        Span = span;
        RegionName = Region.Length == 0 ? "全国" : await tree.FullNameAsync(Region, ct);
        Trips = await report.TripsBehindAsync(Region, span, ct);
        return null;
    }
}

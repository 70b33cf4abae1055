using Bangfu.Platform.Scope;
using Bangfu.Registry.People;
using Bangfu.Registry.Regions;
using Bangfu.Registry.RosterExport;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using Bangfu.Platform.Security;

namespace Bangfu.Web.Pages.Registry.People;

/// <summary>
/// The people of a region (人员清单): filtered by region, name, labour capacity and monitoring type, keyset-paged,
/// masked identifiers and names as the user may see them; exports as a masked work list or as the full 47-column roster.
/// A name is only ever posted, so it stays out of URLs, browser history and logs. Each page shown is recorded as one
/// list view with its count; exports are recorded by the export service.
/// </summary>
public sealed class IndexModel(PeopleService people, RosterExportService exports, RegionDirectory regions, RegionScopeAccessor scope, TimeProvider clock) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public string? Labour { get; set; }
    [BindProperty(SupportsGet = true)] public string? Monitoring { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? After { get; set; }

    public PersonPage? Result { get; private set; }
    public string RegionName { get; private set; } = "";
    public IReadOnlyDictionary<string, string> VillageNames { get; private set; } = new Dictionary<string, string>();

    public Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Name = null;
        return ListAsync(ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => ListAsync(ct);

    /// <summary>The list as Excel with masked ID numbers and phones (a work list).</summary>
    public Task<IActionResult> OnPostExportAsync(CancellationToken ct) => ExportAsync(RegistryExportKind.PersonList, ct);

    /// <summary>The region's full roster in the 47-column layout (ID numbers and phones in clear).</summary>
    public Task<IActionResult> OnPostRosterAsync(CancellationToken ct) => ExportAsync(RegistryExportKind.Roster, ct);

    private async Task<IActionResult> ListAsync(CancellationToken ct)
    {
        // A region unknown or outside the caller's scope is not found, like any record out of scope; the page says why.
        if (await RegionCodeAsync(ct) is not { } region) return NotFoundPage();
        Result = await people.BrowseAsync(Filter(region), After, PageSize, ct);
        VillageNames = await new RegionPaths(regions).NamesAsync(Result.Items.Select(p => p.RegionCode), ct);
        return Page();
    }

    private async Task<IActionResult> ExportAsync(RegistryExportKind kind, CancellationToken ct)
    {
        // Masked lists need the export permission; the 47-column roster holds ID numbers in full and needs unmasking too,
        // and everything else a person's record holds (full names, sensitive fields).
        var view = User.PersonalDataView();
        if (!User.Can(Permissions.RegistryExport)
            || (kind == RegistryExportKind.Roster && (!User.Can(Permissions.RegistryUnmask) || view != PersonalDataView.Full))) return Forbid();
        if (await RegionCodeAsync(ct) is not { } code) return await ListAsync(ct);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Region), "导出前请填写区划代码（县、乡或村）。");
            return await ListAsync(ct);
        }
        var region = await exports.RegionAsync(code, ct);
        var request = new RegistryExportRequest(kind, code, ExportFormat.Xlsx)
        {
            Name = kind == RegistryExportKind.PersonList ? Name : null,
            LabourCapacityCode = kind == RegistryExportKind.PersonList ? Labour : null,
            MonitoringTypeCode = kind == RegistryExportKind.PersonList ? Monitoring : null,
            UserName = User.Identity?.Name,
            View = view,
        };
        var fileName = RosterExportService.FileName(kind, region, ExportFormat.Xlsx, DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        return new StreamedDownload(fileName, TableWriters.ContentType(ExportFormat.Xlsx), (stream, token) => exports.ExportAsync(request, stream, token));
    }

    /// <summary>The region to list: the one asked for when it lies in the caller's scope, else the whole scope.</summary>
    private async Task<string?> RegionCodeAsync(CancellationToken ct)
    {
        Labour = CodeLists().LabourCapacity.ByCode(Labour)?.Code;
        Monitoring = Monitoring == PeopleService.AnyMonitoring ? Monitoring : CodeLists().MonitoringType.ByCode(Monitoring)?.Code;
        if (scope.Scope.Prefix is not { } prefix) return null;
        if (string.IsNullOrWhiteSpace(Region))
        {
            Region = prefix;
            RegionName = await new RegionPaths(regions).NameAsync(prefix, ct);
            return prefix;
        }
        try
        {
            var region = await exports.RegionAsync(Region, ct);
            (Region, RegionName) = (region.Code, region.PlainName);
            return region.Code;
        }
        catch (KeyNotFoundException e)
        {
            ModelState.AddModelError(nameof(Region), e.Message);
            return null;
        }
    }

    private PageResult NotFoundPage()
    {
        var page = Page();
        page.StatusCode = StatusCodes.Status404NotFound;
        return page;
    }

    private PersonFilter Filter(string region) => new(region, Name, Labour, Monitoring);

    public static Bangfu.Registry.CodeLists.CodeLists CodeLists() => Bangfu.Registry.CodeLists.CodeLists.Default;
}

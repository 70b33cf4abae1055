using Bangfu.Registry.Regions;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Registry.Regions;

/// <summary>
/// The region tree (统计用区划代码): browse it from the user's scope down with the picker, look a region up by code or by
/// its names (湖南省/长沙市/宁乡市/煤炭坝镇/贺家湾村), and try the place resolver on a 务工所在地 as people write it.
/// The children handler feeds every region picker; it answers only for regions inside the caller's scope.
/// </summary>
public sealed class IndexModel(RegionTree tree, RegionDirectory regions, PlaceResolver places) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? NamePath { get; set; }
    [BindProperty(SupportsGet = true)] public string? Place { get; set; }

    public RegionPickerModel Picker { get; private set; } = null!;
    public IReadOnlyList<Region> Trail { get; private set; } = [];
    public bool CurrentInScope { get; private set; }
    public IReadOnlyList<Region>? Children { get; private set; }
    public RegionPathMatch? PathMatch { get; private set; }
    public IReadOnlyList<Region> PathTrail { get; private set; } = [];
    public PlaceResolution? Resolution { get; private set; }
    public IReadOnlyList<(string Level, Region? Region, string? Code)> ResolvedLevels { get; private set; } = [];

    public Region? Current => Trail.Count > 0 ? Trail[^1] : null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var code = string.IsNullOrWhiteSpace(Code) ? tree.Base : Code.Trim();
        if (code is { Length: > 0 })
        {
            if (code.Length is not (2 or 4 or 6 or 9 or 12) || !code.All(char.IsAsciiDigit))
                ModelState.AddModelError(nameof(Code), "区划代码应为 2、4、6、9 或 12 位数字，例如 430182106209。");
            else if ((Trail = await tree.PathAsync(code, ct)).Count == 0)
                ModelState.AddModelError(nameof(Code), $"找不到区划代码“{code}”。");
        }
        CurrentInScope = code is not null && ModelState.IsValid && tree.InScope(code);
        Children = CurrentInScope ? await tree.ChildrenAsync(code, ct) : null;
        Picker = await tree.PickerAsync("code", CurrentInScope ? code : null, RegionLevel.Village, submitOnChoice: true, inputId: "code", ct: ct);
        Code = Current?.Code ?? Code;

        if (!string.IsNullOrWhiteSpace(NamePath))
        {
            var names = NamePath.Split(['/', '／', '>', '＞', '›', '\\'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            PathMatch = await regions.FindByNamePathAsync(names, ct);
            if (PathMatch.Region is { } found) PathTrail = await tree.PathAsync(found.Code, ct);
            else ModelState.AddModelError(nameof(NamePath), PathMatch.Error ?? "找不到该区划。");
        }

        if (!string.IsNullOrWhiteSpace(Place))
        {
            Resolution = await places.ResolveAsync(Place, ct);
            var township = Resolution.Region is { Level: RegionLevel.Township } t ? t.Code : null;
            ResolvedLevels =
            [
                ("省", await Find(Resolution.ProvinceCode), Resolution.ProvinceCode),
                ("市", await Find(Resolution.CityCode), Resolution.CityCode),
                ("县", await Find(Resolution.CountyCode), Resolution.CountyCode),
                ("乡镇", await Find(township), township),
            ];
        }
    }

    /// <summary>The options of the level below <paramref name="parent"/> (provinces for none), for the region picker.</summary>
    public async Task<IActionResult> OnGetChildrenAsync(string? parent, CancellationToken ct)
    {
        var children = await tree.ChildrenAsync(parent, ct);
        if (children is null) return NotFound();
        var level = string.IsNullOrEmpty(parent) ? RegionLevel.Province : Region.LevelOf(parent.Trim()) + 1;
        if (level > RegionLevel.Village) return NotFound();
        var single = children.Count(c => c.RetiredInEdition is null) == 1 ? children.First(c => c.RetiredInEdition is null).Code : null;
        return Partial("_RegionOptions", new RegionPickerLevel(level, children, single));
    }

    /// <summary>
    /// The options of the level below a province or city (provinces for none), anywhere in the country: for place pickers
    /// (<see cref="RegionTree.PlacePickerAsync"/>), whose places are not personal data. Counties are the deepest level given.
    /// </summary>
    public async Task<IActionResult> OnGetPlacesAsync(string? parent, CancellationToken ct)
    {
        var code = parent?.Trim() ?? "";
        if (code.Length is not (0 or 2 or 4) || !code.All(char.IsAsciiDigit)) return NotFound();
        if (code.Length > 0 && await regions.FindAsync(code, ct) is null) return NotFound();
        var children = await regions.ChildrenAsync(code.Length == 0 ? null : code, ct);
        var level = code.Length == 0 ? RegionLevel.Province : Region.LevelOf(code) + 1;
        var single = children.Count(c => c.RetiredInEdition is null) == 1 ? children.First(c => c.RetiredInEdition is null).Code : null;
        return Partial("_RegionOptions", new RegionPickerLevel(level, children, single));
    }

    private async Task<Region?> Find(string? code) => code is null ? null : await regions.FindAsync(code, HttpContext.RequestAborted);
}

using Bangfu.Platform.Scope;
using Bangfu.Registry.Regions;

namespace Bangfu.Web.Infrastructure;

/// <summary>One level of a region picker: its options (the children of the level above) and the chosen code.</summary>
public sealed record RegionPickerLevel(RegionLevel Level, IReadOnlyList<Region> Options, string? Selected);

/// <summary>
/// What <c>_RegionPicker</c> renders: the levels fixed by the user's scope (shown as text), a select per level below
/// down to the deepest level asked for, and the input the chosen code is written into (<see cref="Name"/>, or the existing
/// element <see cref="InputId"/>). <see cref="Value"/> is the deepest chosen code, or the scope itself.
/// With <see cref="SubmitOnChoice"/> the form is submitted once the deepest level is chosen.
/// </summary>
public sealed record RegionPickerModel(
    string Name,
    string Value,
    string Base,
    IReadOnlyList<Region> Fixed,
    IReadOnlyList<RegionPickerLevel> Levels,
    bool SubmitOnChoice,
    string? InputId)
{
    public bool HasScope { get; init; } = true;

    /// <summary>Where the picker's script asks for a level's options (the scope-bound tree unless a place picker says otherwise).</summary>
    public string ChildrenUrl { get; init; } = "/Registry/Regions?handler=Children";
}

/// <summary>
/// The region tree as the signed-in user may browse it: everything at or below their scope (a county officer sees
/// their county's townships and villages, never a neighbour's). Used by the region picker and the pages built on it.
/// </summary>
public sealed class RegionTree(RegionDirectory regions, RegionScopeAccessor scope)
{
    /// <summary>The user's own village when their scope is one village, else null.</summary>
    public string? OwnVillage => scope.Scope.Prefix is { Length: 12 } village ? village : null;

    /// <summary>The scope's code prefix: "" nationwide, null without a scope.</summary>
    public string? Base => scope.Scope.Prefix;

    public bool InScope(string? code) => scope.Scope.Prefix is { } prefix && (code ?? "").StartsWith(prefix, StringComparison.Ordinal);

    /// <summary>The children of a region inside the scope (provinces for an empty code); null when outside the scope or not a region.</summary>
    public async Task<IReadOnlyList<Region>?> ChildrenAsync(string? parentCode, CancellationToken ct = default)
    {
        var code = parentCode?.Trim() ?? "";
        if (!InScope(code) || code.Length is not (0 or 2 or 4 or 6 or 9 or 12) || !code.All(char.IsAsciiDigit)) return null;
        if (code.Length == 12) return [];
        if (code.Length > 0 && await regions.FindAsync(code, ct) is null) return null;
        return await regions.ChildrenAsync(code.Length == 0 ? null : code, ct);
    }

    /// <summary>A village in the scope, or null (not 12 digits, outside the scope, or no such village).</summary>
    public async Task<Region?> VillageAsync(string? code, CancellationToken ct = default)
    {
        code = code?.Trim();
        if (code is not { Length: 12 } || !InScope(code)) return null;
        return await regions.FindAsync(code, ct);
    }

    /// <summary>The region and its ancestors, province first; empty when the code is not a region.</summary>
    public async Task<IReadOnlyList<Region>> PathAsync(string? code, CancellationToken ct = default)
    {
        var path = new List<Region>();
        if (string.IsNullOrWhiteSpace(code)) return path;
        foreach (var length in new[] { 2, 4, 6, 9, 12 }.Where(l => l <= code.Length))
            if (await regions.FindAsync(code[..length], ct) is { } region) path.Add(region);
        return path.Count > 0 && path[^1].Code == code ? path : [];
    }

    /// <summary>A region's full name as written (湖南省长沙市宁乡市), leaving out placeholder levels; the code when unknown.</summary>
    public async Task<string> FullNameAsync(string? code, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(code)) return "";
        return await regions.FullNameAsync(code, ct) ?? code;
    }

    /// <summary>The picker from the user's scope down to <paramref name="deepest"/>, with <paramref name="selected"/> chosen when it is in scope.</summary>
    public async Task<RegionPickerModel> PickerAsync(string name, string? selected, RegionLevel deepest = RegionLevel.Village,
        bool submitOnChoice = false, string? inputId = null, CancellationToken ct = default)
    {
        if (scope.Scope.Prefix is not { } prefix)
            return new RegionPickerModel(name, "", "", [], [], submitOnChoice, inputId) { HasScope = false };
        var fixedPath = await PathAsync(prefix, ct);
        var chosen = selected is not null && InScope(selected) && selected.Length > prefix.Length ? await PathAsync(selected, ct) : [];
        var levels = new List<RegionPickerLevel>();
        var parent = prefix;
        for (var level = prefix.Length == 0 ? RegionLevel.Province : Region.LevelOf(prefix) + 1; level <= deepest; level++)
        {
            var options = parent is null ? [] : await regions.ChildrenAsync(parent.Length == 0 ? null : parent, ct);
            var pick = chosen.FirstOrDefault(r => r.Level == level)?.Code;
            // A level with a single choice (北京市 → 市辖区) is chosen for the user.
            var current = options.Where(r => r.RetiredInEdition is null).ToList();
            if (pick is null && parent is not null && current.Count == 1) pick = current[0].Code;
            levels.Add(new RegionPickerLevel(level, options, pick));
            parent = pick;
        }
        var value = levels.LastOrDefault(l => l.Selected is not null)?.Selected ?? prefix;
        return new RegionPickerModel(name, value, prefix, fixedPath, levels, submitOnChoice, inputId);
    }

    /// <summary>Where <see cref="PlacePickerAsync"/> gets its options: any province's or city's children (IndexModel.OnGetPlacesAsync of the regions page).</summary>
    public const string PlacesUrl = "/Registry/Regions?handler=Places";

    /// <summary>
    /// A picker of a place anywhere in the country, province → city → county (down to <paramref name="deepest"/>, at most the county),
    /// whatever the user's scope: for places that are not personal data, such as where a transport batch goes (a county officer
    /// of 宁乡市 sends workers to 深圳市). The statistical division codes are public (国家统计局). <paramref name="selected"/> is
    /// chosen when it is a region.
    /// </summary>
    public async Task<RegionPickerModel> PlacePickerAsync(string name, string? selected, RegionLevel deepest = RegionLevel.County, CancellationToken ct = default)
    {
        if (deepest > RegionLevel.County) deepest = RegionLevel.County;
        var chosen = await PathAsync(selected?.Trim(), ct);
        var levels = new List<RegionPickerLevel>();
        string? parent = "";
        for (var level = RegionLevel.Province; level <= deepest; level++)
        {
            var options = parent is null ? [] : await regions.ChildrenAsync(parent.Length == 0 ? null : parent, ct);
            var pick = chosen.FirstOrDefault(r => r.Level == level)?.Code;
            // A level with a single choice (北京市 → 市辖区) is chosen for the user.
            var current = options.Where(r => r.RetiredInEdition is null).ToList();
            if (pick is null && parent is { Length: > 0 } && current.Count == 1) pick = current[0].Code;
            levels.Add(new RegionPickerLevel(level, options, pick));
            parent = pick;
        }
        var value = levels.LastOrDefault(l => l.Selected is not null)?.Selected ?? "";
        return new RegionPickerModel(name, value, "", [], levels, false, null) { ChildrenUrl = PlacesUrl };
    }

    /// <summary>What a level is called in prompts: 省 / 市（州） / 县（市、区） / 乡（镇、街道） / 村（社区）.</summary>
    public static string LevelName(RegionLevel level) => level switch
    {
        RegionLevel.Province => "省（区、市）",
        RegionLevel.City => "市（州）",
        RegionLevel.County => "县（市、区）",
        RegionLevel.Township => "乡（镇、街道）",
        _ => "村（社区）",
    };

    /// <summary>
    /// The label of an option: the plain name; 市辖区 and 县 are marked as the groupings they are (省直辖县级行政区划 says so itself).
    /// </summary>
    public static string OptionLabel(Region region) => region.Name switch
    {
        "市辖区" => "市辖区（各区）",
        "县" => "县（各县）",
        _ => region.RetiredInEdition is null ? region.PlainName : region.PlainName + "（已撤销）",
    };
}

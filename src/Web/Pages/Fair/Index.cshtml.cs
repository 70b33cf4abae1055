using Bangfu.Employment.Fairs;
using Bangfu.Employment.Occupations;
using Bangfu.Registry.Regions;
using Bangfu.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bangfu.Web.Pages.Fair;

/// <summary>
/// 永不落幕网络招聘会: the public, anonymous search of all open vacancies by occupation (a level of the catalogue finds
/// everything below it), workplace (province, city), minimum monthly wage (yuan), "near home" (home county: vacancies
/// there first, then the same city) and home-daily posts. No personal data is shown or read. Invalid query values are
/// ignored rather than answered with an error; the wage is read as people type it (<see cref="ReadWage"/>: ６０００, 6,000,
/// 6000元) and, when it still cannot be read, the field says so in Chinese. Rendered pages are cached for a few seconds (<see cref="FairOutputCache"/>);
/// the page has no form that posts, so it carries no antiforgery token.
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = FairOutputCache.Policy)]
public sealed class FairIndexModel(FairSearchService search, OccupationCatalog occupations, RegionDirectory regions, RegionTree tree) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Occupation { get; set; }
    [BindProperty(SupportsGet = true)] public string? PlaceProvince { get; set; }
    [BindProperty(SupportsGet = true)] public string? Place { get; set; }
    [BindProperty(SupportsGet = true)] public string? MinWage { get; set; }
    [BindProperty(SupportsGet = true)] public string? HomeProvince { get; set; }
    [BindProperty(SupportsGet = true)] public string? HomeCity { get; set; }
    [BindProperty(SupportsGet = true)] public string? Home { get; set; }
    [BindProperty(SupportsGet = true)] public bool HomeDaily { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public FairResultPage Results { get; private set; } = new([], 1, FairSearchService.PageSize, false);
    public OccupationCatalog Occupations => occupations;
    public IReadOnlyList<Region> Provinces { get; private set; } = [];
    public IReadOnlyList<Region> PlaceCities { get; private set; } = [];
    public IReadOnlyList<Region> HomeCities { get; private set; } = [];
    public IReadOnlyList<Region> HomeCounties { get; private set; } = [];
    public Dictionary<string, string> PlaceNames { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Provinces = await regions.ChildrenAsync(null, ct);
        PlaceProvince = Code(PlaceProvince, 2);
        Place = Code(Place, 4) ?? PlaceProvince;
        if (Place is { Length: 4 } && PlaceProvince is null) PlaceProvince = Place[..2];
        if (PlaceProvince is not null) PlaceCities = await regions.ChildrenAsync(PlaceProvince, ct);
        Home = Code(Home, 6);
        HomeCity = Code(HomeCity, 4) ?? Home?[..4];
        HomeProvince = Code(HomeProvince, 2) ?? HomeCity?[..2];
        if (HomeProvince is not null) HomeCities = await regions.ChildrenAsync(HomeProvince, ct);
        if (HomeCity is not null) HomeCounties = await regions.ChildrenAsync(HomeCity, ct);
        var wage = ReadWage(MinWage, out var wageHint);
        WageHint = wageHint;
        Results = await search.SearchAsync(new FairSearch(Occupation, Place, wage, Home, HomeDaily, Q, PageNumber), ct);
        foreach (var code in Results.Items.Select(i => i.WorkplaceRegionCode).Distinct())
            PlaceNames[code] = await PlaceNameAsync(tree, code, ct);
    }

    /// <summary>Why the wage typed could not be read (Chinese), shown under the field; null when it was read or left empty.</summary>
    public string? WageHint { get; private set; }

    /// <summary>
    /// The minimum monthly wage as typed, in yuan: full-width digits (６０００), thousands separators (6,000 / 6，000), spaces and
    /// a trailing 元, 元/月 or 元每月 are accepted. Null, with a Chinese <paramref name="hint"/>, when what remains is not a whole
    /// number of 0..999999 (the search then ignores the wage); null without a hint when empty.
    /// </summary>
    public static int? ReadWage(string? typed, out string? hint)
    {
        hint = null;
        if (string.IsNullOrWhiteSpace(typed)) return null;
        var text = new string(typed.Trim().Select(c => c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c)
            .Where(c => !char.IsWhiteSpace(c) && c is not (',' or '，' or '、' or '\'')).ToArray());
        foreach (var suffix in new[] { "元每月", "元/月", "元／月", "/月", "／月", "每月", "元" })
            if (text.EndsWith(suffix, StringComparison.Ordinal)) { text = text[..^suffix.Length]; break; }
        if (text.Length is > 0 and <= 6 && text.All(char.IsAsciiDigit)) return int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        hint = "月薪请填写数字，例如 4000（单位：元），本次查询未按月薪筛选";
        return null;
    }

    /// <summary>A workplace's name; a 6-digit code of a city or province written with trailing zeros (430100) is read as that city (4301).</summary>
    public static async Task<string> PlaceNameAsync(RegionTree tree, string code, CancellationToken ct)
    {
        var c = code;
        while (c.Length == 6 && c.EndsWith("00", StringComparison.Ordinal)) c = c.Length == 6 ? c[..4] : c;
        if (c.Length == 4 && c.EndsWith("00", StringComparison.Ordinal)) c = c[..2];
        return await tree.FullNameAsync(c, ct);
    }

    private static string? Code(string? value, int length) =>
        value?.Trim() is { } v && v.Length == length && v.All(char.IsAsciiDigit) ? v : null;

    /// <summary>The query string of this search on another page.</summary>
    public string PageLink(int page)
    {
        var q = new Dictionary<string, string?>
        {
            ["occupation"] = Occupation, ["placeProvince"] = PlaceProvince, ["place"] = Place, ["minWage"] = MinWage,
            ["homeProvince"] = HomeProvince, ["homeCity"] = HomeCity, ["home"] = Home, ["homeDaily"] = HomeDaily ? "true" : null,
            ["q"] = Q, ["p"] = page.ToString(),
        };
        return "/Fair" + Microsoft.AspNetCore.Http.QueryString.Create(q.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }

    public static string Wage(FairVacancyItem v) => v.WageMin == v.WageMax ? $"{v.WageMin} 元/月" : $"{v.WageMin}–{v.WageMax} 元/月";
}

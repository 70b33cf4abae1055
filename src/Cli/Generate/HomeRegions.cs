using Bangfu.Registry.CodeLists;
using Bangfu.Registry.Regions;

namespace Bangfu.Cli.Generate;

/// <summary>
/// A county people are generated in, with the names a roster writes for it. <c>Index</c> is its position among the
/// generated counties (for the ID allocator), <c>Workplace</c> its full name as a workplace (province + city + county),
/// <c>Ethnicities</c> the draw of a household's ethnicity (汉族 and, in autonomous areas, the titular peoples).
/// </summary>
internal sealed record HomeCounty(int Index, string Code, string Name, string CityName, string ProvinceName,
    string Workplace, bool Autonomous, WeightedChoice<string> Ethnicities);

/// <summary>A village people are generated in: 12-digit code, plain name (贺家湾村), township official name, and the
/// draw of a household's ethnicity (the county's, or an ethnic township's such as 长铺子苗族侗族乡).</summary>
internal sealed record HomeVillage(string Code, string Name, string TownshipName, HomeCounty County,
    bool MinorityArea, WeightedChoice<string> Ethnicities);

/// <summary>Builds the home counties and villages of one province from the region catalogue.</summary>
internal static class HomeRegions
{
    /// <summary>
    /// Counties a roster is kept for: counties, autonomous counties and county-level cities, as the former poverty
    /// counties were, not city districts (names ending 区) nor functional zones (codes ending 71-79); districts only
    /// when a province has nothing else (Beijing, Tianjin, Shanghai).
    /// </summary>
    public static List<Division> EligibleCounties(RegionCatalogue catalogue, string provinceCode)
    {
        var all = catalogue.CitiesOf(provinceCode).SelectMany(c => catalogue.AreasOf(c.Code))
            .Where(a => !RegionCatalogue.IsFunctionalZone(a.Code)).ToList();
        var counties = all.Where(a => !a.Name.EndsWith('区')).ToList();
        return counties.Count > 0 ? counties : all;
    }

    public static HomeCounty County(RegionCatalogue catalogue, Division county, int index)
    {
        var province = catalogue.Provinces[county.Code[..2]];
        var city = catalogue.Cities[county.Code[..4]];
        var cityName = CityName(city, province, county);
        var autonomous = county.Name.Contains("自治", StringComparison.Ordinal) || city.Name.Contains("自治", StringComparison.Ordinal);
        return new HomeCounty(index, county.Code, county.Name, cityName, province.Name,
            Place(province.Name, cityName, county.Name, null), autonomous, Ethnicities(province.Code, county, city, autonomous));
    }

    /// <summary>The 市 column: the city's name; for a municipality's 市辖区/县 the province's name (重庆市); for a county
    /// that the province administers directly (省直辖县级行政区划) the county's own name (仙桃市).</summary>
    public static string CityName(Division city, Division province, Division county) =>
        !RegionCatalogue.IsPlaceholderCity(city) ? city.Name
        : city.Name.Contains("直辖县级", StringComparison.Ordinal) ? county.Name
        : province.Name;

    /// <summary>A place as rosters write 务工所在地: province + city + county (湖南省长沙市岳麓区), the city left out when it
    /// repeats the province (上海市浦东新区), the township named when the county repeats the city (广东省东莞市长安镇).</summary>
    public static string Place(string province, string city, string county, string? township) =>
        province + (city == province ? "" : city) + (county == city && township is not null ? township : county == city ? "" : county);

    public static HomeVillage Village(Division village, string townshipName, HomeCounty county)
    {
        var name = RegionNames.Plain(village.Name, RegionLevel.Village);
        if (county.Autonomous) return new HomeVillage(village.Code, name, townshipName, county, true, county.Ethnicities);
        var peoples = TitularPeoples(townshipName);
        return peoples.Count > 0
            ? new HomeVillage(village.Code, name, townshipName, county, true, Titular(peoples, EthnicTownshipShare))
            : new HomeVillage(village.Code, name, townshipName, county, false, county.Ethnicities);
    }

    /// <summary>True for a villagers' committee (村), as opposed to an urban residents' committee (社区).</summary>
    public static bool IsRuralVillage(Division village) =>
        RegionNames.Plain(village.Name, RegionLevel.Village).EndsWith('村');

    // Shares of households by ethnicity. Autonomous counties and prefectures: three in four households of the titular
    // peoples (花垣 is about 77% Miao, 江华 about 62% Yao by the 2020 census), split first-named first; ethnic townships
    // (民族乡) elsewhere: three in five; other Hunan counties: a few Tujia, Miao, Dong and Yao households.
    // Approximations for a demo roster, not census figures.
    private const double TitularShare = 0.75;
    private const double HunanMinorityShare = 0.03;
    private const double EthnicTownshipShare = 0.6;

    private static WeightedChoice<string> Ethnicities(string provinceCode, Division county, Division city, bool autonomous)
    {
        if (autonomous)
        {
            var peoples = TitularPeoples(county.Name);
            if (peoples.Count == 0) peoples = TitularPeoples(city.Name);
            if (peoples.Count > 0) return Titular(peoples, TitularShare);
        }
        if (provinceCode == "43")
            return new WeightedChoice<string>(("汉族", 1 - HunanMinorityShare), ("土家族", HunanMinorityShare * 0.4),
                ("苗族", HunanMinorityShare * 0.3), ("侗族", HunanMinorityShare * 0.2), ("瑶族", HunanMinorityShare * 0.1));
        return new WeightedChoice<string>(("汉族", 1.0));
    }

    /// <summary>The titular peoples take <paramref name="share"/> of households, the first named the most; 汉族 the rest.</summary>
    private static WeightedChoice<string> Titular(List<string> peoples, double share)
    {
        var weights = peoples.Select((_, i) => 1.0 / (i + 1.5)).ToList();
        var sum = weights.Sum();
        return new WeightedChoice<string>(peoples.Select((p, i) => (p, share * weights[i] / sum)).Append(("汉族", 1 - share)));
    }

    /// <summary>The peoples a name of an autonomous area names, in order: 湘西土家族苗族自治州 → 土家族, 苗族.</summary>
    private static List<string> TitularPeoples(string name)
    {
        var found = new List<(int At, int Length, string People)>();
        foreach (var item in CodeLists.Default.Ethnicity.Items.Where(i => i.Name.EndsWith('族') && i.Name != "汉族")
                     .OrderByDescending(i => i.Name.Length))
        {
            var at = name.IndexOf(item.Name, StringComparison.Ordinal);
            if (at < 0 || found.Any(f => at < f.At + f.Length && f.At < at + item.Name.Length)) continue;
            found.Add((at, item.Name.Length, item.Name));
        }
        return found.OrderBy(f => f.At).Select(f => f.People).ToList();
    }
}

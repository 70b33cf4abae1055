namespace Bangfu.Cli.Generate;

/// <summary>Where a person works and for whom: 务工所在地, 务工企业名称 and the 产业分类 of the job.</summary>
internal sealed record Job(string Place, string Employer, string Industry);

/// <summary>
/// Real workplaces from the region tree: destinations outside the province weighted towards where Hunan's workers
/// go (the Pearl River Delta first, then Zhejiang, Fujian, Jiangsu and Shanghai), inside the province towards the
/// capital, and the home county itself. Employers are written the way county rosters anonymise them:
/// "东莞市某电子厂", "宁乡市某农业合作社", "煤炭坝镇就业帮扶车间".
/// </summary>
internal sealed class Workplaces
{
    // Destination province and city codes with relative weights (approximate shares of Hunan's migrant workers).
    private static readonly (string Province, double Weight, (string City, double Weight)[] Cities)[] AwayDestinations =
    [
        ("44", 55, [("4403", 25), ("4419", 25), ("4401", 18), ("4406", 12), ("4413", 8), ("4420", 7), ("4407", 5)]),
        ("33", 18, [("3302", 25), ("3301", 20), ("3303", 15), ("3307", 15), ("3310", 10), ("3304", 8), ("3306", 7)]),
        ("35", 10, [("3505", 40), ("3502", 35), ("3501", 25)]),
        ("32", 9, [("3205", 45), ("3202", 20), ("3204", 20), ("3201", 15)]),
        ("31", 8, [("3101", 1)]),
    ];

    private static readonly WeightedChoice<(string Kind, string Industry)> CityEmployers = new(
        (("电子厂", "第二产业"), 12), (("电子科技有限公司", "第二产业"), 10), (("服装厂", "第二产业"), 8),
        (("鞋业有限公司", "第二产业"), 6), (("家具厂", "第二产业"), 5), (("建筑劳务有限公司", "第二产业"), 10),
        (("机械有限公司", "第二产业"), 6), (("汽车零部件有限公司", "第二产业"), 5), (("塑胶制品有限公司", "第二产业"), 4),
        (("家电有限公司", "第二产业"), 4), (("玩具厂", "第二产业"), 3), (("食品有限公司", "第二产业"), 4),
        (("物流有限公司", "第三产业"), 8), (("餐饮管理有限公司", "第三产业"), 6), (("物业管理有限公司", "第三产业"), 4),
        (("保安服务有限公司", "第三产业"), 3), (("酒店", "第三产业"), 3), (("家政服务有限公司", "第三产业"), 3),
        (("商贸有限公司", "第三产业"), 3));

    // In the home county: {0} county name, {1} township name.
    private static readonly WeightedChoice<(string Format, string Industry)> CountyEmployers = new(
        (("{0}某农业合作社", "第一产业"), 25), (("{1}某种养专业合作社", "第一产业"), 15), (("{0}某茶叶专业合作社", "第一产业"), 6),
        (("{0}某建筑劳务有限公司", "第二产业"), 15), (("{0}某食品有限公司", "第二产业"), 10), (("{1}某竹木加工厂", "第二产业"), 6),
        (("{0}某商贸有限公司", "第三产业"), 10), (("{0}某物流有限公司", "第三产业"), 5), (("{0}某旅游开发有限公司", "第三产业"), 5),
        (("{1}某农家乐", "第三产业"), 3));

    // Workshops: factory-type mostly, some farming and trade workshops (types per the 2021 workshop guidelines).
    private static readonly WeightedChoice<string> WorkshopIndustries = new(("第二产业", 75), ("第一产业", 15), ("第三产业", 10));

    private readonly RegionCatalogue catalogue;
    private readonly string provinceCode;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<Division>> townshipsOfCityLevelCounties;
    private readonly WeightedChoice<(string Province, string City)> away;
    private readonly WeightedChoice<string> inProvinceCities;
    private readonly Dictionary<string, WeightedChoice<Division>?> countyChoices = new(StringComparer.Ordinal);

    /// <summary><paramref name="townshipsOfCityLevelCounties"/>: townships of the counties that repeat their city's name
    /// (东莞市, 中山市), as a workplace there is named by township.</summary>
    public Workplaces(RegionCatalogue catalogue, string provinceCode, IReadOnlyDictionary<string, IReadOnlyList<Division>> townshipsOfCityLevelCounties)
    {
        this.catalogue = catalogue;
        this.provinceCode = provinceCode;
        this.townshipsOfCityLevelCounties = townshipsOfCityLevelCounties;
        away = new WeightedChoice<(string, string)>(AwayDestinations
            .Where(d => d.Province != provinceCode)
            .SelectMany(d => d.Cities.Where(c => catalogue.Cities.ContainsKey(c.City))
                .Select(c => ((d.Province, c.City), d.Weight * c.Weight / d.Cities.Sum(x => x.Weight)))));
        var cities = catalogue.CitiesOf(provinceCode);
        // The capital (code ending 01) draws about 40% of the province's own migrants, the other cities share the rest.
        inProvinceCities = new WeightedChoice<string>(cities.Select(c =>
            (c.Code, c.Code.EndsWith("01", StringComparison.Ordinal) ? 0.4 * (cities.Count - 1) / 0.6 : 1.0)));
    }

    /// <summary>Codes of the counties named like their city (东莞市, 中山市), whose townships the caller must load.</summary>
    public static IEnumerable<string> CityLevelCounties(RegionCatalogue catalogue) =>
        catalogue.Areas.Values.Where(a => catalogue.Cities.TryGetValue(a.Code[..4], out var c) && c.Name == a.Name).Select(a => a.Code);

    public Job OutsideProvince(Random random)
    {
        var (province, city) = away.Pick(random);
        return TryInCity(random, province, city, excludedCounty: null)
               ?? throw new InvalidOperationException($"区划数据中 {city} 没有县级单位。");
    }

    public Job InProvince(Random random, HomeCounty home)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var city = inProvinceCities.Pick(random);
            var job = TryInCity(random, provinceCode, city, home.Code);
            if (job is not null) return job;
        }
        throw new InvalidOperationException($"{home.ProvinceName}找不到{home.Name}以外的县级单位。");
    }

    public static Job InCounty(Random random, HomeVillage village)
    {
        var (format, industry) = CountyEmployers.Pick(random);
        return new Job(village.County.Workplace, string.Format(System.Globalization.CultureInfo.InvariantCulture, format, village.County.Name, village.TownshipName), industry);
    }

    /// <summary>An employment-assistance workshop in the home county, named after its township or village.</summary>
    public static Job Workshop(Random random, HomeVillage village) =>
        new(village.County.Workplace, (random.NextDouble() < 0.6 ? village.TownshipName : village.Name) + "就业帮扶车间",
            WorkshopIndustries.Pick(random));

    private Job? TryInCity(Random random, string provinceCode, string cityCode, string? excludedCounty)
    {
        if (!countyChoices.TryGetValue(cityCode, out var choice))
        {
            var counties = catalogue.AreasOf(cityCode).Where(a => !RegionCatalogue.IsFunctionalZone(a.Code)).ToList();
            // City districts (codes ending 01-20) are where the factories and building sites are.
            choice = counties.Count == 0 ? null
                : new WeightedChoice<Division>(counties.Select(a => (a, int.Parse(a.Code.AsSpan(4, 2)) <= 20 ? 2.0 : 1.0)));
            countyChoices[cityCode] = choice;
        }
        if (choice is null || choice.Items.All(c => c.Code == excludedCounty)) return null;
        Division county;
        do county = choice.Pick(random); while (county.Code == excludedCounty);

        var province = catalogue.Provinces[provinceCode];
        var cityName = HomeRegions.CityName(catalogue.Cities[cityCode], province, county);
        string? township = null;
        if (townshipsOfCityLevelCounties.TryGetValue(county.Code, out var townships) && townships.Count > 0)
            township = townships[random.Next(townships.Count)].Name;
        var (kind, industry) = CityEmployers.Pick(random);
        // Counties and county-level cities are known by their own name (慈溪市某家电有限公司), districts by their city's.
        var employerPlace = county.Name.EndsWith('区') ? cityName : county.Name;
        return new Job(HomeRegions.Place(province.Name, cityName, county.Name, township), employerPlace + "某" + kind, industry);
    }
}

using System.Globalization;
using Bangfu.Registry.Regions;
using Bangfu.Registry.RosterImport;

namespace Bangfu.Cli.Generate;

/// <summary>What to generate: how many rows (persons), where, from which seed, for which year.</summary>
public sealed record RosterGeneratorOptions
{
    /// <summary>Persons, one row each; the last household of a village is cut short to make the count exact.</summary>
    public required long Rows { get; init; }
    public int Seed { get; init; } = 1;
    /// <summary>Two-digit province code (GB/T 2260); 43 is Hunan.</summary>
    public string ProvinceCode { get; init; } = "43";
    /// <summary>Counties to spread the rows over; default one per 50,000 rows (at least one, at most all).</summary>
    public int? Counties { get; init; }
    /// <summary>The roster's 年度.</summary>
    public int Year { get; init; } = 2021;
    /// <summary>The day ages are counted on; default 31 December of <see cref="Year"/>.</summary>
    public DateOnly? ReferenceDate { get; init; }
    /// <summary>Directory of the region CSVs; default <c>regions/</c> beside the program.</summary>
    public string? RegionDirectory { get; init; }
}

/// <summary>Counts kept while rows are generated (for the command's summary).</summary>
public sealed class RosterGeneratorTotals
{
    public long Households { get; internal set; }
    public long Persons { get; internal set; }
    /// <summary>劳动技能 普通劳动力, 技能劳动力 or 弱劳动力或半劳动力.</summary>
    public long LabourForce { get; internal set; }
    /// <summary>务工时间（月） &gt; 0.</summary>
    public long Employed { get; internal set; }
    public long EmployedOutsideProvince { get; internal set; }
    public long EmployedInProvinceOutsideCounty { get; internal set; }
    /// <summary>In the home county, workshops included.</summary>
    public long EmployedInCounty { get; internal set; }
    public long WorkshopWorkers { get; internal set; }
    public long PublicWelfareJobs { get; internal set; }
}

/// <summary>
/// Generates a synthetic roster of poverty-alleviated people in the 47-column layout of the national
/// poverty-monitoring person export (<see cref="RosterLayout.ExportColumns"/>), for demos and benchmarks, at any size.
/// <para>Deterministic: the same options give the same rows, byte for byte (one <see cref="Random"/> seeded from
/// <see cref="RosterGeneratorOptions.Seed"/>, no clock). Streaming: <see cref="Rows"/> builds one household at a time,
/// so memory does not grow with the number of rows (apart from the ID collision guard's fixed ~290 KB per county).</para>
/// <para>Places are real: counties of the chosen province (counties and county-level cities, chosen at random),
/// their villages' committees (about 190 persons per village, as in the seed roster: 930 persons in 5 villages),
/// and workplaces named from the region tree. People are not: names, ID numbers (valid GB 11643 numbers with the
/// county's code) and phone numbers are drawn at random.</para>
/// <para>Shares of the labour force (劳动技能 普通劳动力, 技能劳动力 or 弱劳动力或半劳动力; out of school, 16 and over,
/// able to work; a few aged 65-69 still count):
/// employed (务工时间 &gt; 0) about two-thirds (<see cref="EmployedShare"/>), of whom 40% work outside the province
/// (Guangdong mostly, then Zhejiang, Fujian, Jiangsu, Shanghai), 30% in the province outside the home county and
/// 30% in the home county; employment-assistance workshops (就业渠道 帮扶车间, in the home county) 5% and
/// public-welfare jobs (公益性岗位, 12 months, 务工时间 0) 4% of the labour force; the rest unemployed.
/// Source: Hunan Daily, Dec 2021: 2.44 million poverty-alleviated people working away; workshops 6,018 employing
/// 60,700. The shares are approximations derived from those figures and the seed roster, not official statistics.</para>
/// <para>Households: 1-7 members (mean about 3.4), head first; household number = 12-digit village code +
/// 4-digit sequence, person number = household number + 2-digit member number.</para>
/// </summary>
public sealed class RosterGenerator
{
    public const double EmployedShare = 2.0 / 3.0;
    public const double EmployedOutsideProvinceShare = 0.40;
    public const double EmployedInProvinceShare = 0.30;
    public const double EmployedInCountyShare = 0.30;
    public const double WorkshopShare = 0.05;
    public const double PublicWelfareJobShare = 0.04;

    /// <summary>Mean persons per village (the seed roster: 930 persons in 5 villages).</summary>
    public const int PersonsPerVillage = 190;
    /// <summary>Default counties: one per this many rows.</summary>
    public const int PersonsPerCounty = 50_000;
    /// <summary>Most persons a village can take on average: the household sequence has four digits.</summary>
    public const int MaxPersonsPerVillage = 20_000;
    public const long MaxRows = 100_000_000;

    private static readonly string[] PhonePrefixes =
    [
        "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156",
        "157", "158", "159", "170", "173", "175", "176", "177", "178", "180", "181", "182", "183", "184", "185",
        "186", "187", "188", "189", "191", "193", "195", "198", "199",
    ];

    private readonly RosterGeneratorOptions options;
    private readonly DateOnly referenceDate;
    private readonly IReadOnlyList<HomeCounty> counties;
    private readonly IReadOnlyList<(HomeVillage Village, int Persons)> villages;
    private readonly Workplaces workplaces;
    private readonly string year;

    /// <exception cref="ArgumentException">An option is out of range: the message says which and why, in Chinese.</exception>
    /// <exception cref="FileNotFoundException">The region files are missing.</exception>
    public RosterGenerator(RosterGeneratorOptions options)
    {
        if (options.Rows is < 1 or > MaxRows) throw new ArgumentException($"行数须在 1 到 {MaxRows:N0} 之间。");
        this.options = options;
        referenceDate = options.ReferenceDate ?? new DateOnly(options.Year, 12, 31);
        year = options.Year.ToString(CultureInfo.InvariantCulture);
        var catalogue = RegionCatalogue.Load(options.RegionDirectory ?? RegionTreeLoader.VendoredDirectory);
        if (!catalogue.Provinces.TryGetValue(options.ProvinceCode, out var province))
            throw new ArgumentException($"没有代码为 {options.ProvinceCode} 的省级单位。");

        var random = new Random(options.Seed);
        var eligible = HomeRegions.EligibleCounties(catalogue, province.Code).ToArray();
        var countyCount = options.Counties ?? (int)Math.Clamp((options.Rows + PersonsPerCounty - 1) / PersonsPerCounty, 1, eligible.Length);
        if (countyCount < 1 || countyCount > eligible.Length)
            throw new ArgumentException($"{province.Name}可选的县（市）有 {eligible.Length} 个，县数须在 1 到 {eligible.Length} 之间。");
        random.Shuffle(eligible);
        counties = eligible.Take(countyCount).OrderBy(c => c.Code, StringComparer.Ordinal)
            .Select((c, i) => HomeRegions.County(catalogue, c, i)).ToList();
        var countyByCode = counties.ToDictionary(c => c.Code, StringComparer.Ordinal);

        // One pass over the townships for the home counties and for the city-level counties named by township.
        var cityLevel = Workplaces.CityLevelCounties(catalogue).ToHashSet(StringComparer.Ordinal);
        var townshipNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var cityLevelTownships = new List<Division>();
        foreach (var township in catalogue.Townships(countyByCode.Keys.Concat(cityLevel).ToHashSet(StringComparer.Ordinal)))
        {
            if (countyByCode.ContainsKey(township.Code[..6])) townshipNames[township.Code] = township.Name;
            if (cityLevel.Contains(township.Code[..6])) cityLevelTownships.Add(township);
        }
        workplaces = new Workplaces(catalogue, province.Code, cityLevelTownships
            .GroupBy(t => t.Code[..6], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Division>)g.ToList(), StringComparer.Ordinal));

        var pool = catalogue.Villages(countyByCode.Keys.ToHashSet(StringComparer.Ordinal))
            .Where(v => HomeRegions.IsRuralVillage(v) && townshipNames.ContainsKey(v.Code[..9])).ToArray();
        if (pool.Length == 0) throw new ArgumentException("所选县（市）在区划数据中没有村。");
        if (options.Rows > (long)pool.Length * MaxPersonsPerVillage)
            throw new ArgumentException($"所选 {countyCount} 个县（市）只有 {pool.Length:N0} 个村，容不下 {options.Rows:N0} 人；请增加县数。");
        var villageCount = (int)Math.Clamp((options.Rows + PersonsPerVillage / 2) / PersonsPerVillage, 1, pool.Length);
        villageCount = Math.Max(villageCount, (int)((options.Rows + MaxPersonsPerVillage - 1) / MaxPersonsPerVillage));
        random.Shuffle(pool);
        var chosen = pool.Take(villageCount).OrderBy(v => v.Code, StringComparer.Ordinal).ToList();

        // Village sizes vary between half and one and a half times the mean; the counts add up to the rows exactly.
        var weights = chosen.Select(_ => 0.5 + random.NextDouble()).ToArray();
        var total = weights.Sum();
        var sizes = weights.Select(w => (int)Math.Floor(options.Rows * w / total)).ToArray();
        var left = options.Rows - sizes.Sum(s => (long)s);
        for (var i = 0; left > 0; i = (i + 1) % sizes.Length, left--) sizes[i]++;
        villages = chosen.Select((v, i) => (HomeRegions.Village(v, townshipNames[v.Code[..9]], countyByCode[v.Code[..6]]), sizes[i]))
            .Where(x => x.Item2 > 0).ToList();
    }

    /// <summary>Counts of what the last enumeration of <see cref="Rows"/> produced so far.</summary>
    public RosterGeneratorTotals Totals { get; private set; } = new();

    /// <summary>Names of the counties the rows are spread over.</summary>
    public IReadOnlyList<string> CountyNames => counties.Select(c => c.Name).ToList();

    public int VillageCount => villages.Count;

    /// <summary>The header row: <see cref="RosterLayout.ExportColumns"/>' headers.</summary>
    public static string[] Header => RosterLayout.ExportColumns.Select(c => c.Header).ToArray();

    /// <summary>The rows, one <c>string[47]</c> each in <see cref="RosterLayout.ExportColumns"/> order, household by
    /// household, villages in code order. Each enumeration starts afresh and yields the same rows.</summary>
    public IEnumerable<string[]> Rows()
    {
        var totals = Totals = new RosterGeneratorTotals();
        var random = new Random(unchecked(options.Seed * 486_187_739 + 1));
        var ids = new IdNumberAllocator(options.Seed, counties.Select(c => c.Code).ToList());
        var household = new HouseholdRowBuilder(random, ids, new EmploymentSampler(workplaces), referenceDate, year, totals);
        foreach (var (village, persons) in villages)
        {
            var remaining = persons;
            for (var number = 1; remaining > 0; number++)
            {
                if (number > 9999) throw new InvalidOperationException($"村 {village.Code} 的户数超过 9999。");
                var size = Math.Min(HouseholdComposer.Size(random), remaining);
                foreach (var row in household.Rows(village, number, size)) yield return row;
                remaining -= size;
            }
        }
    }

    internal static string Phone(Random random) =>
        PhonePrefixes[random.Next(PhonePrefixes.Length)] + random.Next(100_000_000).ToString("D8", CultureInfo.InvariantCulture);
}

namespace Bangfu.Employment.Matching;

/// <summary>How far a person will go for work (外出意愿), as the person stated it in the jobseeker profile.</summary>
public enum MatchReach : byte
{
    /// <summary>县内: the workplace must be in the home county (same 6-digit county code).</summary>
    InCounty = 1,
    /// <summary>省内: the workplace must be in the home province (same 2-digit province code).</summary>
    InProvince = 2,
    /// <summary>不限.</summary>
    Anywhere = 3,
}

/// <summary>劳动技能, the registry's code list <c>labour_capacity</c> (codes 1–5); 0 when not recorded.</summary>
public enum LabourCapacity : byte
{
    Unknown = 0,
    /// <summary>普通劳动力 (code 1).</summary>
    Ordinary = 1,
    /// <summary>技能劳动力 (code 2).</summary>
    Skilled = 2,
    /// <summary>弱劳动力或半劳动力 (code 3).</summary>
    Weak = 3,
    /// <summary>丧失劳动力 (code 4).</summary>
    Lost = 4,
    /// <summary>无劳动力 (code 5).</summary>
    None = 5,
}

/// <summary>
/// A person as the scoring kernel sees them: plain values, codes packed into integers once so that scoring a pair
/// allocates nothing. Build with <see cref="Create"/>.
/// </summary>
/// <param name="PersonId">The registry's person id.</param>
/// <param name="HomeVillage">Home village code packed by <see cref="RegionKey.Pack"/> (12 digits).</param>
/// <param name="Age">Whole years on the matching date; -1 when the birth date is unknown.</param>
/// <param name="EducationRank">Rank of the registry's education code (<see cref="EducationRanks.Of"/>); 0 unknown.</param>
/// <param name="WantedOccupations">Occupations wanted, packed by <see cref="OccupationKey.Pack"/> (any level).</param>
/// <param name="Skills">Occupations the person has skills or certificates in, packed likewise.</param>
/// <param name="ExpectedWage">Expected wage, whole yuan per month; 0 when not stated.</param>
public sealed record MatchCandidate(
    Guid PersonId,
    long HomeVillage,
    int Age,
    byte EducationRank,
    LabourCapacity Capacity,
    int[] WantedOccupations,
    int[] Skills,
    int ExpectedWage,
    MatchReach Reach,
    bool MustBeHomeDaily)
{
    /// <summary>Builds a candidate from codes as stored (village code of 12 digits, occupation codes like 6-18-02-01,
    /// education and labour-capacity codes of the registry's code lists).</summary>
    /// <exception cref="ArgumentException">A region or occupation code is malformed.</exception>
    public static MatchCandidate Create(Guid personId, string homeVillageCode, int age, string? educationCode,
        string? labourCapacityCode, IEnumerable<string> wantedOccupations, IEnumerable<string> skills,
        int expectedWage, MatchReach reach, bool mustBeHomeDaily) =>
        new(personId, RegionKey.Pack(homeVillageCode), age, EducationRanks.Of(educationCode),
            LabourCapacityOf(labourCapacityCode),
            wantedOccupations.Select(OccupationKey.Pack).Distinct().ToArray(),
            skills.Select(OccupationKey.Pack).Distinct().ToArray(),
            Math.Max(0, expectedWage), reach, mustBeHomeDaily);

    public static LabourCapacity LabourCapacityOf(string? code) =>
        code is { Length: 1 } && code[0] is >= '1' and <= '5' ? (LabourCapacity)(code[0] - '0') : LabourCapacity.Unknown;
}

/// <summary>
/// A vacancy as the scoring kernel sees it. Wages are whole yuan per month (0 = not stated, 面议); ages are whole
/// years (0 = no limit); <see cref="MinEducationRank"/> 0 = no requirement.
/// </summary>
/// <param name="Workplace">Workplace region code packed by <see cref="RegionKey.Pack"/>.</param>
/// <param name="WorkplaceLength">Length of the workplace code as stated: 2, 4, 6, 9 or 12 digits.</param>
public sealed record MatchVacancy(
    Guid VacancyId,
    int Occupation,
    int WageMin,
    int WageMax,
    long Workplace,
    byte WorkplaceLength,
    int AgeMin,
    int AgeMax,
    byte MinEducationRank,
    bool HomeDaily,
    bool SuitableForRuralLabour,
    bool HousingProvided,
    bool MealsProvided,
    int Headcount)
{
    /// <exception cref="ArgumentException">A region or occupation code is malformed.</exception>
    public static MatchVacancy Create(Guid vacancyId, string occupationCode, int wageMin, int wageMax,
        string workplaceRegionCode, int? ageMin, int? ageMax, string? minEducationCode, bool homeDaily,
        bool suitableForRuralLabour, bool housingProvided, bool mealsProvided, int headcount) =>
        new(vacancyId, OccupationKey.Pack(occupationCode), Math.Max(0, wageMin), Math.Max(0, wageMax),
            RegionKey.Pack(workplaceRegionCode), (byte)workplaceRegionCode.Length, ageMin ?? 0, ageMax ?? 0,
            EducationRanks.Of(minEducationCode), homeDaily, suitableForRuralLabour, housingProvided, mealsProvided,
            headcount);

    public int Province => (int)(Workplace / 10_000_000_000L);

    /// <summary>The 6-digit county of the workplace, or -1 when the code stops above the county.</summary>
    public int County => WorkplaceLength >= 6 ? (int)(Workplace / 1_000_000L) : -1;
}

/// <summary>Region codes (统计用区划代码: 2, 4, 6, 9 or 12 digits) as integers padded to 12 digits.</summary>
public static class RegionKey
{
    /// <exception cref="ArgumentException">Not 2, 4, 6, 9 or 12 digits.</exception>
    public static long Pack(string code)
    {
        if (code.Length is not (2 or 4 or 6 or 9 or 12) || !code.All(char.IsAsciiDigit))
            throw new ArgumentException($"区划代码“{code}”不对（应为 2、4、6、9 或 12 位数字）。", nameof(code));
        var value = long.Parse(code, System.Globalization.CultureInfo.InvariantCulture);
        for (var i = code.Length; i < 12; i++) value *= 10;
        return value;
    }

    public static int CountyOf(long packed) => (int)(packed / 1_000_000L);
    public static int ProvinceOf(long packed) => (int)(packed / 10_000_000_000L);

    /// <summary>The code at its natural length (12 → "430182106209", 6 → "430182").</summary>
    public static string Unpack(long packed, int length) =>
        packed.ToString("D12", System.Globalization.CultureInfo.InvariantCulture)[..length];
}

/// <summary>
/// Occupation codes of 职业分类大典 (2022) — <c>D</c>, <c>D-DD</c>, <c>D-DD-DD</c>, <c>D-DD-DD-DD</c> — packed as
/// D·10⁶ + DD·10⁴ + DD·10² + DD, zeros for the levels a code does not reach (so 6-18 packs to 6180000).
/// </summary>
public static class OccupationKey
{
    /// <exception cref="ArgumentException">Not of the form D[-DD[-DD[-DD]]].</exception>
    public static int Pack(string code)
    {
        var parts = code.Split('-');
        if (parts.Length is < 1 or > 4 || parts[0].Length != 1 || !char.IsAsciiDigit(parts[0][0]) || parts[0][0] == '0'
            || parts.Skip(1).Any(p => p.Length != 2 || !p.All(char.IsAsciiDigit) || p == "00"))
            throw new ArgumentException($"职业代码“{code}”不对（应如 6-18-02-01）。", nameof(code));
        var value = parts[0][0] - '0';
        for (var i = 1; i < 4; i++) value = value * 100 + (i < parts.Length ? int.Parse(parts[i], System.Globalization.CultureInfo.InvariantCulture) : 0);
        return value;
    }

    public static string Unpack(int key)
    {
        var parts = new List<string> { (key / 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var divisor in new[] { 10_000, 100, 1 })
        {
            var part = key / divisor % 100;
            if (part == 0) break;
            parts.Add(part.ToString("D2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return string.Join('-', parts);
    }

    /// <summary>How many levels the code reaches: 1 (大类) to 4 (细类).</summary>
    public static int Depth(int key) => key % 100 != 0 ? 4 : key % 10_000 != 0 ? 3 : key % 1_000_000 != 0 ? 2 : 1;

    /// <summary>The 中类 of a code as major·100 + medium (6-18-02-01 → 618); a bare 大类 gives major·100.</summary>
    public static int Group(int key) => key / 10_000;

    /// <summary>
    /// Distance from what a person names (<paramref name="wanted"/>, any level) to a vacancy's occupation: 0 when
    /// the vacancy falls inside the named category (a person who names the 中类 6-18 wants any of it), else
    /// 4 − the number of levels they share (1 same 小类, 2 same 中类, 3 same 大类, 4 different 大类).
    /// </summary>
    public static int Distance(int wanted, int occupation)
    {
        var depth = Depth(wanted);
        var shared = SharedLevels(wanted, occupation, Math.Min(depth, Depth(occupation)));
        return shared == depth ? 0 : 4 - shared;
    }

    /// <summary>The least distance a vacancy of 中类 <paramref name="group"/> may have from <paramref name="wanted"/>.</summary>
    public static int LeastDistanceToGroup(int wanted, int group)
    {
        var depth = Depth(wanted);
        var shared = SharedLevels(wanted, group * 10_000, Math.Min(depth, 2));
        return shared == Math.Min(depth, 2) ? 0 : 4 - shared;
    }

    private static int SharedLevels(int a, int b, int upTo)
    {
        var shared = 0;
        if (upTo >= 1 && a / 1_000_000 == b / 1_000_000) shared = 1; else return 0;
        if (upTo >= 2 && a / 10_000 == b / 10_000) shared = 2; else return shared;
        if (upTo >= 3 && a / 100 == b / 100) shared = 3; else return shared;
        if (upTo >= 4 && a == b) shared = 4;
        return shared;
    }
}

/// <summary>
/// Ranks of the registry's education codes (文化程度, code list <c>education</c>): 01 文盲或半文盲 1, 02 小学 2, 03 初中 3,
/// 04 高中 and 05 中专（中职） 4 (both upper-secondary, ISCED 3, so a 中专 graduate meets a 高中 requirement and the
/// reverse), 06 大专 5, 07 本科及以上 6; 0 unknown.
/// </summary>
public static class EducationRanks
{
    public static byte Of(string? code) => code switch
    {
        "01" => 1, "02" => 2, "03" => 3, "04" or "05" => 4, "06" => 5, "07" => 6, _ => 0,
    };

    /// <summary>A code that has the rank (for names in explanations).</summary>
    public static string? CodeOf(byte rank) => rank switch
    {
        1 => "01", 2 => "02", 3 => "03", 4 => "04", 5 => "06", 6 => "07", _ => null,
    };
}

namespace Bangfu.Employment.Matching;

/// <summary>Why a pair is excluded (a hard constraint), or <see cref="None"/>.</summary>
public enum MatchExclusion : byte
{
    None = 0,
    /// <summary>The workplace is outside the county or province the person will go to.</summary>
    OutsideReach = 1,
    /// <summary>The person must be home every day; the workplace is outside the home county and not home-daily.</summary>
    NotHomeDaily = 2,
    /// <summary>The person's age is outside the vacancy's stated range.</summary>
    Age = 3,
    /// <summary>The person's education is below the vacancy's minimum.</summary>
    Education = 4,
    /// <summary>The person has no labour capacity (丧失劳动力, 无劳动力).</summary>
    NoLabourCapacity = 5,
}

/// <summary>Where the workplace lies relative to the home village on the region tree (the most specific shared level).</summary>
public enum RegionDistance : byte
{
    SameVillage = 0,
    SameTownship = 1,
    SameCounty = 2,
    SameCity = 3,
    SameProvince = 4,
    OtherProvince = 5,
}

/// <summary>
/// The score of one person–vacancy pair: the five components, each 0–100, and the total, the weighted sum in
/// hundredths of a point (0–10000, shown as 0.00–100.00). An excluded pair has <see cref="Exclusion"/> set and total 0.
/// </summary>
public readonly record struct MatchScore(
    MatchExclusion Exclusion,
    RegionDistance Distance,
    byte Occupation,
    byte Place,
    byte Wage,
    byte Requirements,
    byte Capacity,
    int Total)
{
    public bool Excluded => Exclusion != MatchExclusion.None;

    /// <summary>The total as points, 0.00–100.00.</summary>
    public decimal Points => Total / 100m;
}

/// <summary>
/// The scoring kernel of 人岗匹配: hard constraints exclude, the rest is a weighted sum of five components. Pure and
/// allocation-free per pair; the batch matcher, the single-person ranking, the vacancy's ranking of people and the
/// brute-force reference all call <see cref="Score"/>, so they cannot disagree about a pair.
/// <para>Hard constraints: the person's reach on the region tree (县内 = same 6-digit county, 省内 = same 2-digit
/// province); a person who must be home every day only takes vacancies in the home county or marked home-daily; the
/// stated age range (when the age is known); the minimum education (when the education is known); no labour capacity
/// (丧失劳动力 / 无劳动力 are outside the labour force by the dispatch's definition). Vacancies carry no physical-demand
/// field, so weak labour (弱劳动力或半劳动力) is scored, not excluded.</para>
/// <para>Weights (sum 100) and why — the order follows what makes a placement last, as county employment services
/// report it: the work itself first, then how far from home, then pay, then the rest.
/// <list type="bullet">
/// <item><b>工种对口 35</b>: a person placed in work they asked for or know stays; mismatched placements are the first
/// to end (the follow-ups at 1, 3, 6 months measure it).</item>
/// <item><b>距离 25</b>: 就地就近就业 is the policy's priority for people lifted out of poverty (family, land, elders);
/// within the person's reach, nearer is better, and the penalty for distance is softer for those willing to go anywhere.</item>
/// <item><b>薪资 20</b>: the wage against the person's expectation; below expectation scores fall quickly.</item>
/// <item><b>岗位要求 10</b>: the employer's stated fit for rural labour, requirements that cannot be checked for lack of
/// data, and housing/meals for work away from home.</item>
/// <item><b>劳动能力 10</b>: weak labour is best served by home-daily work suitable for rural labour.</item>
/// </list></para>
/// </summary>
public static class MatchScorer
{
    public const int OccupationWeight = 35, PlaceWeight = 25, WageWeight = 20, RequirementsWeight = 10, CapacityWeight = 10;

    /// <summary>Occupation component by distance (0 same/inside … 4 different 大类): for a wanted occupation, and for a skill.</summary>
    internal static readonly byte[] WantedByDistance = [100, 80, 50, 20, 0];
    internal static readonly byte[] SkillByDistance = [90, 70, 40, 10, 0];

    /// <summary>Occupation component when the person names neither wanted occupations nor skills: neutral.</summary>
    public const byte OccupationUnstated = 50;

    /// <summary>Place component by <see cref="RegionDistance"/>, per reach (0 where the reach excludes).</summary>
    private static readonly byte[][] PlaceByReach =
    [
        [],
        [100, 90, 80, 0, 0, 0],    // 县内
        [100, 90, 80, 65, 50, 0],  // 省内
        [100, 90, 80, 70, 60, 50], // 不限
    ];

    public static MatchScore Score(MatchCandidate person, MatchVacancy vacancy)
    {
        if (person.Capacity is LabourCapacity.Lost or LabourCapacity.None) return Excluded(MatchExclusion.NoLabourCapacity, default);
        var distance = DistanceOf(person.HomeVillage, vacancy.Workplace, vacancy.WorkplaceLength);
        var limit = person.Reach switch
        {
            MatchReach.InCounty => RegionDistance.SameCounty,
            MatchReach.InProvince => RegionDistance.SameProvince,
            _ => RegionDistance.OtherProvince,
        };
        if (distance > limit) return Excluded(MatchExclusion.OutsideReach, distance);
        if (person.MustBeHomeDaily && distance > RegionDistance.SameCounty && !vacancy.HomeDaily)
            return Excluded(MatchExclusion.NotHomeDaily, distance);
        if (person.Age >= 0 && ((vacancy.AgeMin > 0 && person.Age < vacancy.AgeMin) || (vacancy.AgeMax > 0 && person.Age > vacancy.AgeMax)))
            return Excluded(MatchExclusion.Age, distance);
        if (person.EducationRank > 0 && person.EducationRank < vacancy.MinEducationRank)
            return Excluded(MatchExclusion.Education, distance);

        var occupation = OccupationComponent(person, vacancy.Occupation);
        var place = PlaceByReach[(int)person.Reach][(int)distance];
        var wage = WageComponent(person.ExpectedWage, vacancy.WageMin, vacancy.WageMax);
        var requirements = RequirementsComponent(person, vacancy, distance);
        var capacity = CapacityComponent(person.Capacity, vacancy);
        var total = OccupationWeight * occupation + PlaceWeight * place + WageWeight * wage
            + RequirementsWeight * requirements + CapacityWeight * capacity;
        return new MatchScore(MatchExclusion.None, distance, occupation, place, wage, requirements, capacity, total);
    }

    /// <summary>The highest total any vacancy of 中类 <paramref name="group"/> at <paramref name="bestDistance"/> or
    /// farther can reach for <paramref name="person"/> (the batch matcher's bound; wage, requirements and capacity at 100).</summary>
    public static int UpperBound(MatchCandidate person, int group, RegionDistance bestDistance)
    {
        var reach = PlaceByReach[(int)person.Reach];
        var place = 0;
        for (var d = (int)bestDistance; d < reach.Length; d++) place = Math.Max(place, reach[d]);
        return OccupationWeight * OccupationBound(person, group) + PlaceWeight * place
            + (WageWeight + RequirementsWeight + CapacityWeight) * 100;
    }

    public static RegionDistance DistanceOf(long home, long workplace, int workplaceLength)
    {
        if (workplaceLength >= 12 && home == workplace) return RegionDistance.SameVillage;
        if (workplaceLength >= 9 && home / 1_000L == workplace / 1_000L) return RegionDistance.SameTownship;
        if (workplaceLength >= 6 && home / 1_000_000L == workplace / 1_000_000L) return RegionDistance.SameCounty;
        if (workplaceLength >= 4 && home / 100_000_000L == workplace / 100_000_000L) return RegionDistance.SameCity;
        return home / 10_000_000_000L == workplace / 10_000_000_000L ? RegionDistance.SameProvince : RegionDistance.OtherProvince;
    }

    internal static byte OccupationComponent(MatchCandidate person, int occupation)
    {
        if (person.WantedOccupations.Length == 0 && person.Skills.Length == 0) return OccupationUnstated;
        byte best = 0;
        foreach (var wanted in person.WantedOccupations)
            best = Math.Max(best, WantedByDistance[OccupationKey.Distance(wanted, occupation)]);
        foreach (var skill in person.Skills)
            best = Math.Max(best, SkillByDistance[OccupationKey.Distance(skill, occupation)]);
        return best;
    }

    private static byte OccupationBound(MatchCandidate person, int group)
    {
        if (person.WantedOccupations.Length == 0 && person.Skills.Length == 0) return OccupationUnstated;
        byte best = 0;
        foreach (var wanted in person.WantedOccupations)
            best = Math.Max(best, WantedByDistance[OccupationKey.LeastDistanceToGroup(wanted, group)]);
        foreach (var skill in person.Skills)
            best = Math.Max(best, SkillByDistance[OccupationKey.LeastDistanceToGroup(skill, group)]);
        return best;
    }

    /// <summary>
    /// 100 when the lowest wage offered meets the expectation, 80 when only the top of the range does, below that
    /// 60 falling by 2 points per percent short (0 at 30% short); 60 when the person states no expectation, 50 when the
    /// vacancy states no wage (面议).
    /// </summary>
    internal static byte WageComponent(int expected, int wageMin, int wageMax)
    {
        if (wageMax <= 0 && wageMin <= 0) return 50;
        if (expected <= 0) return 60;
        var top = Math.Max(wageMin, wageMax);
        if (wageMin >= expected) return 100;
        if (top >= expected) return 80;
        var shortBy = (long)(expected - top) * 200 / expected;
        return (byte)Math.Max(0, 60 - shortBy);
    }

    /// <summary>
    /// From 100: −40 when the employer has not marked the vacancy suitable for rural labour; −20 for each stated
    /// requirement (age, education) that cannot be checked because the registry lacks the person's datum; for work
    /// outside the home county, −20 without housing and −10 without meals.
    /// </summary>
    internal static byte RequirementsComponent(MatchCandidate person, MatchVacancy vacancy, RegionDistance distance)
    {
        var score = 100;
        if (!vacancy.SuitableForRuralLabour) score -= 40;
        if (person.Age < 0 && (vacancy.AgeMin > 0 || vacancy.AgeMax > 0)) score -= 20;
        if (person.EducationRank == 0 && vacancy.MinEducationRank > 0) score -= 20;
        if (distance > RegionDistance.SameCounty)
        {
            if (!vacancy.HousingProvided) score -= 20;
            if (!vacancy.MealsProvided) score -= 10;
        }
        return (byte)Math.Max(0, score);
    }

    /// <summary>
    /// 技能劳动力 100; 普通劳动力 100 for work suitable for rural labour, else 70; 弱劳动力或半劳动力 100 for home-daily
    /// work suitable for rural labour, 60 with one of the two, 30 with neither; unknown 80.
    /// </summary>
    internal static byte CapacityComponent(LabourCapacity capacity, MatchVacancy vacancy) => capacity switch
    {
        LabourCapacity.Skilled => 100,
        LabourCapacity.Ordinary => vacancy.SuitableForRuralLabour ? (byte)100 : (byte)70,
        LabourCapacity.Weak => (vacancy.HomeDaily, vacancy.SuitableForRuralLabour) switch
        {
            (true, true) => 100,
            (false, false) => 30,
            _ => 60,
        },
        _ => 80,
    };

    private static MatchScore Excluded(MatchExclusion why, RegionDistance distance) => new(why, distance, 0, 0, 0, 0, 0, 0);
}

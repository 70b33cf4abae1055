namespace Bangfu.Cli.Generate;

/// <summary>
/// Schooling, education, capacity to work, health and political status of one generated person, drawn by age.
/// Values are the code lists' names (or their synonyms as the seed roster writes them: 中共党员, 肢体).
/// </summary>
internal static class PersonTraits
{
    public const string Ordinary = "普通劳动力";
    public const string Skilled = "技能劳动力";
    public const string Weak = "弱劳动力或半劳动力";
    public const string Lost = "丧失劳动力";
    public const string None = "无劳动力";

    private static readonly WeightedChoice<string> EducationOver60 = new(("文盲或半文盲", 30), ("小学", 55), ("初中", 12), ("高中", 3));
    private static readonly WeightedChoice<string> Education45To59 =
        new(("文盲或半文盲", 5), ("小学", 30), ("初中", 50), ("高中", 10), ("中专（中职）", 4), ("大专", 1));
    private static readonly WeightedChoice<string> Education30To44 =
        new(("小学", 12), ("初中", 55), ("高中", 15), ("中专（中职）", 10), ("大专", 6), ("本科及以上", 2));
    private static readonly WeightedChoice<string> Education18To29 =
        new(("小学", 3), ("初中", 35), ("高中", 19), ("中专（中职）", 20), ("大专", 17), ("本科及以上", 6));
    private static readonly WeightedChoice<string> Education15To17 = new(("小学", 15), ("初中", 85));

    private static readonly WeightedChoice<string> Disabilities =
        new(("肢体", 50), ("视力", 12), ("听力", 10), ("言语", 3), ("智力", 10), ("精神", 8), ("多重", 7));

    private static readonly string[] Grades = ["一", "二", "三", "四", "五"];

    /// <summary>
    /// 在校生状况 for a child or student, null for someone out of school. The school year starts on 1 September and a
    /// child starts primary school in the year it turns six by 31 August.
    /// </summary>
    public static string? SchoolStatus(Random random, DateOnly birthDate, DateOnly referenceDate)
    {
        var yearStart = referenceDate.Month >= 9 ? referenceDate.Year : referenceDate.Year - 1;
        var cutoff = new DateOnly(yearStart, 8, 31);
        var age = AgeOn(birthDate, cutoff);
        return age switch
        {
            < 3 => "学龄前儿童",
            <= 5 => random.NextDouble() < 0.65 ? "学前教育" : "学龄前儿童",
            <= 11 => "小学",
            12 => "七年级",
            13 => "八年级",
            14 => "九年级",
            // Most go on to senior high or vocational school; some leave after junior high.
            <= 17 => random.NextDouble() < 0.9 ? (random.NextDouble() < 0.6 ? "普通高中" : "中职") + Grades[age - 15] + "年级" : null,
            // About two in five go on to college: vocational (3 years) or undergraduate (4 years).
            <= 21 => random.NextDouble() < 0.4
                ? (age <= 20 && random.NextDouble() < 0.5 ? "高职高专" : "本科") + Grades[age - 18] + "年级"
                : null,
            _ => null,
        };
    }

    /// <summary>文化程度 of someone out of school, by birth cohort.</summary>
    public static string Education(Random random, int age) => age switch
    {
        >= 60 => EducationOver60.Pick(random),
        >= 45 => Education45To59.Pick(random),
        >= 30 => Education30To44.Pick(random),
        >= 18 => Education18To29.Pick(random),
        _ => Education15To17.Pick(random),
    };

    /// <summary>
    /// Whether someone out of school is in the labour force (16 and over, able to work); if not, the capacity to
    /// write (丧失劳动力 for the sick and disabled, 无劳动力 for the young and the old).
    /// </summary>
    public static string? CapacityOutsideLabourForce(Random random, int age)
    {
        var x = random.NextDouble();
        return age switch
        {
            < 16 => None,
            < 60 => x < 0.03 ? Lost : null,
            < 65 => x < 0.08 ? Lost : null,
            < 70 => x < 0.35 ? Lost : x < 0.80 ? None : null,
            _ => x < 0.45 ? Lost : None,
        };
    }

    /// <summary>健康状况 given capacity and age: the sick and disabled are most of those who cannot work.</summary>
    public static string Health(Random random, string capacity, int age)
    {
        var x = random.NextDouble();
        return capacity switch
        {
            Lost => x < 0.5 ? "长期慢性病" : x < 0.7 ? "患有大病" : "残疾",
            Weak => x < 0.55 ? "健康" : x < 0.9 ? "长期慢性病" : "残疾",
            None when age >= 60 => x < 0.7 ? "健康" : x < 0.95 ? "长期慢性病" : x < 0.97 ? "患有大病" : "残疾",
            None => x < 0.97 ? "健康" : x < 0.985 ? "长期慢性病" : "残疾",
            _ => x < 0.95 ? "健康" : x < 0.98 ? "长期慢性病" : "残疾",
        };
    }

    public static string DisabilityCategory(Random random) => Disabilities.Pick(random);

    /// <summary>政治面貌: some Party members among adults (more men), League members among the young.</summary>
    public static string PoliticalStatus(Random random, int age, bool male, bool student)
    {
        var x = random.NextDouble();
        if (age >= 22 && x < (male ? 0.07 : 0.03)) return "中共党员";
        if (age is >= 14 and <= 28 && x > (student ? 0.75 : 0.9)) return "共青团员";
        return "群众";
    }

    public static int AgeOn(DateOnly birthDate, DateOnly date)
    {
        var age = date.Year - birthDate.Year;
        return date < birthDate.AddYears(age) ? age - 1 : age;
    }

    /// <summary>A birth date that gives <paramref name="age"/> whole years on <paramref name="referenceDate"/>.</summary>
    public static DateOnly BirthDate(Random random, int age, DateOnly referenceDate)
    {
        var latest = referenceDate.AddYears(-age);
        var earliest = referenceDate.AddYears(-(age + 1)).AddDays(1);
        return earliest.AddDays(random.Next(latest.DayNumber - earliest.DayNumber + 1));
    }
}

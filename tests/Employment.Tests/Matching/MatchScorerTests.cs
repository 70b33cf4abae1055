using Bangfu.Employment.Matching;

namespace Bangfu.Employment.Tests.Matching;

public sealed class MatchScorerTests
{
    private const string HejiawanVillage = "430182106209"; // 贺家湾村, 煤炭坝镇, 宁乡市
    private static readonly Dictionary<string, string> OccupationNames = new()
    {
        ["6-25-04-01"] = "电子元器件装配工",
        ["6-25-04-02"] = "电子设备装配调试工",
        ["4-07-05-01"] = "保安员",
    };
    private static readonly Dictionary<string, string> RegionNames = new()
    {
        ["430182"] = "宁乡市", ["430182106"] = "煤炭坝镇", ["440307"] = "深圳市龙岗区", ["4403"] = "深圳市",
    };
    private static readonly MatchExplainer Explainer = new(OccupationNames.GetValueOrDefault, RegionNames.GetValueOrDefault);

    private static MatchCandidate Person(MatchReach reach = MatchReach.Anywhere, bool homeDaily = false, int age = 40,
        string capacity = "1", string education = "03", int wage = 5000, string[]? wanted = null) =>
        MatchCandidate.Create(Guid.NewGuid(), HejiawanVillage, age, education, capacity, wanted ?? ["6-25-04-01"], [], wage, reach, homeDaily);

    private static MatchVacancy Vacancy(string workplace = "430182106", string occupation = "6-25-04-01", int wageMin = 5000,
        int wageMax = 6000, bool homeDaily = false, int? ageMin = 18, int? ageMax = 50, string? education = null) =>
        MatchVacancy.Create(Guid.NewGuid(), occupation, wageMin, wageMax, workplace, ageMin, ageMax, education, homeDaily,
            suitableForRuralLabour: true, housingProvided: true, mealsProvided: true, headcount: 30);

    [Fact]
    public void A_wanted_occupation_in_the_home_township_at_the_expected_wage_scores_near_full_marks_and_says_why()
    {
        var person = Person();
        var vacancy = Vacancy();
        var score = MatchScorer.Score(person, vacancy);
        var why = Explainer.Explain(person, vacancy, score);

        Assert.Equal(MatchExclusion.None, score.Exclusion);
        Assert.Equal((byte)100, score.Occupation);
        Assert.Equal((byte)90, score.Place);
        Assert.Equal(35 * 100 + 25 * 90 + 20 * 100 + 10 * 100 + 10 * 100, score.Total);
        Assert.Equal(97.50m, why.Points);
        Assert.Equal("想做 电子元器件装配工，岗位为同一细类", why.Components[0].Explanation);
        Assert.StartsWith("岗位在本乡镇（煤炭坝镇）；愿意去：不限", why.Components[1].Explanation);
        Assert.Equal("期望 5000 元/月，岗位 5000–6000 元/月，达到期望", why.Components[2].Explanation);
        Assert.Contains("年龄 40 岁，要求 18–50 岁", why.Components[3].Explanation);
        Assert.Equal("普通劳动力", why.Components[4].Explanation);
    }

    [Theory]
    [InlineData(MatchReach.InCounty, "440307", MatchExclusion.OutsideReach)]
    [InlineData(MatchReach.InProvince, "440307", MatchExclusion.OutsideReach)]
    [InlineData(MatchReach.InCounty, "4301", MatchExclusion.OutsideReach)] // a city-level workplace is not provably in the county
    [InlineData(MatchReach.InCounty, "430182", MatchExclusion.None)]
    [InlineData(MatchReach.InProvince, "433124", MatchExclusion.None)]
    [InlineData(MatchReach.Anywhere, "440307", MatchExclusion.None)]
    public void The_reach_on_the_region_tree_is_a_hard_constraint(MatchReach reach, string workplace, MatchExclusion expected)
    {
        Assert.Equal(expected, MatchScorer.Score(Person(reach), Vacancy(workplace)).Exclusion);
    }

    [Fact]
    public void A_person_who_must_be_home_daily_takes_work_away_from_the_county_only_when_it_is_home_daily()
    {
        var person = Person(MatchReach.InProvince, homeDaily: true);
        var away = Vacancy("430121");
        var score = MatchScorer.Score(person, away);
        Assert.Equal(MatchExclusion.NotHomeDaily, score.Exclusion);
        Assert.Equal("须每日回家，岗位在县外（430121）且不能每日往返", Explainer.Explain(person, away, score).Excluded);
        Assert.False(MatchScorer.Score(person, Vacancy("430121", homeDaily: true)).Excluded);
        Assert.False(MatchScorer.Score(person, Vacancy("430182")).Excluded);
    }

    [Fact]
    public void Age_education_and_labour_capacity_exclude_only_when_known()
    {
        Assert.Equal(MatchExclusion.Age, MatchScorer.Score(Person(age: 56), Vacancy()).Exclusion);
        Assert.False(MatchScorer.Score(Person(age: -1), Vacancy()).Excluded);
        Assert.Equal(MatchExclusion.Education, MatchScorer.Score(Person(education: "02"), Vacancy(education: "03")).Exclusion);
        Assert.False(MatchScorer.Score(Person(education: "05"), Vacancy(education: "04")).Excluded); // 中专 meets 高中
        Assert.False(MatchScorer.Score(Person(education: ""), Vacancy(education: "04")).Excluded);
        Assert.Equal(MatchExclusion.NoLabourCapacity, MatchScorer.Score(Person(capacity: "4"), Vacancy()).Exclusion);
    }

    [Fact]
    public void Nearer_higher_paid_and_closer_occupations_score_higher()
    {
        var person = Person(wanted: ["6-25-04-01"]);
        int Total(MatchVacancy v) => MatchScorer.Score(person, v).Total;

        Assert.True(Total(Vacancy("430182106209")) > Total(Vacancy("430182106")));
        Assert.True(Total(Vacancy("430182106")) > Total(Vacancy("430182")));
        Assert.True(Total(Vacancy("430182")) > Total(Vacancy("440307")));
        Assert.True(Total(Vacancy(occupation: "6-25-04-02")) > Total(Vacancy(occupation: "4-07-05-01")));
        Assert.True(Total(Vacancy(wageMin: 5500)) > Total(Vacancy(wageMin: 3000, wageMax: 4000)));
        var unrelated = Vacancy(occupation: "4-07-05-01");
        Assert.Equal("想做 电子元器件装配工，岗位 保安员 不对口",
            Explainer.Explain(person, unrelated, MatchScorer.Score(person, unrelated)).Components[0].Explanation);
    }

    [Fact]
    public void Weak_labour_prefers_home_daily_work()
    {
        var weak = Person(capacity: "3");
        Assert.True(MatchScorer.Score(weak, Vacancy(homeDaily: true)).Capacity > MatchScorer.Score(weak, Vacancy()).Capacity);
    }

    [Fact]
    public void Malformed_codes_are_refused_with_a_chinese_message()
    {
        Assert.Contains("职业代码", Assert.Throws<ArgumentException>(() => OccupationKey.Pack("6-1")).Message);
        Assert.Contains("区划代码", Assert.Throws<ArgumentException>(() => RegionKey.Pack("4301821")).Message);
        Assert.Equal("6-25-04", OccupationKey.Unpack(OccupationKey.Pack("6-25-04")));
    }
}

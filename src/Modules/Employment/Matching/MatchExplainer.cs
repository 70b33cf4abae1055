using System.Globalization;
using Bangfu.Registry.CodeLists;

namespace Bangfu.Employment.Matching;

/// <summary>One component of a score with its weight, its score (0–100) and why, in Chinese.</summary>
public sealed record MatchComponent(string Key, string Name, int Weight, int Score, string Explanation);

/// <summary>A ranked pair as shown: total points (0–100) and the components, or why it is excluded.</summary>
public sealed record MatchExplanation(decimal Points, IReadOnlyList<MatchComponent> Components, string? Excluded);

/// <summary>
/// Explains a <see cref="MatchScore"/> in Chinese ("工种对口：想做 电子元器件装配，岗位为同一细类"). Only the shown results
/// are explained, so the kernel stays free of strings.
/// </summary>
/// <param name="occupationName">Name of an occupation code (6-18-02-01), or null when unknown.</param>
/// <param name="regionName">Name of a region code (any level), or null when unknown.</param>
public sealed class MatchExplainer(Func<string, string?> occupationName, Func<string, string?> regionName)
{
    private static readonly string[] PlaceNames = ["本村", "本乡镇", "本县（市、区）", "本市（州）外县", "省内外市", "省外"];

    public static string ReachName(MatchReach reach) => reach switch
    {
        MatchReach.InCounty => "县内",
        MatchReach.InProvince => "省内",
        _ => "不限",
    };

    public MatchExplanation Explain(MatchCandidate person, MatchVacancy vacancy, MatchScore score)
    {
        if (score.Excluded) return new MatchExplanation(0, [], Exclusion(person, vacancy, score));
        return new MatchExplanation(score.Points,
        [
            new("occupation", "工种对口", MatchScorer.OccupationWeight, score.Occupation, Occupation(person, vacancy.Occupation)),
            new("place", "距离", MatchScorer.PlaceWeight, score.Place, Place(person, vacancy, score.Distance)),
            new("wage", "薪资", MatchScorer.WageWeight, score.Wage, Wage(person.ExpectedWage, vacancy)),
            new("requirements", "岗位要求", MatchScorer.RequirementsWeight, score.Requirements, Requirements(person, vacancy, score.Distance)),
            new("capacity", "劳动能力", MatchScorer.CapacityWeight, score.Capacity, Capacity(person.Capacity, vacancy)),
        ], null);
    }

    private string Occ(int key)
    {
        var code = OccupationKey.Unpack(key);
        return occupationName(code) ?? code;
    }

    private string Workplace(MatchVacancy vacancy)
    {
        var code = RegionKey.Unpack(vacancy.Workplace, vacancy.WorkplaceLength);
        return regionName(code) ?? code;
    }

    private string Occupation(MatchCandidate person, int occupation)
    {
        if (person.WantedOccupations.Length == 0 && person.Skills.Length == 0) return "未填写想做的工种和技能，按中等计";
        var best = (Score: -1, Code: 0, Distance: 4, Skill: false);
        foreach (var w in person.WantedOccupations)
        {
            var d = OccupationKey.Distance(w, occupation);
            if (MatchScorer.WantedByDistance[d] > best.Score) best = (MatchScorer.WantedByDistance[d], w, d, false);
        }
        foreach (var s in person.Skills)
        {
            var d = OccupationKey.Distance(s, occupation);
            if (MatchScorer.SkillByDistance[d] > best.Score) best = (MatchScorer.SkillByDistance[d], s, d, true);
        }
        var who = best.Skill ? $"会 {Occ(best.Code)}（技能）" : $"想做 {Occ(best.Code)}";
        var what = best.Distance switch
        {
            0 when OccupationKey.Depth(best.Code) == 4 => "岗位为同一细类",
            0 => $"岗位 {Occ(occupation)} 属于此类",
            1 => $"岗位 {Occ(occupation)} 同属一个小类",
            2 => $"岗位 {Occ(occupation)} 同属一个中类",
            3 => $"岗位 {Occ(occupation)} 仅同属一个大类",
            _ => $"岗位 {Occ(occupation)} 不对口",
        };
        return $"{who}，{what}";
    }

    private string Place(MatchCandidate person, MatchVacancy vacancy, RegionDistance distance) =>
        $"岗位在{PlaceNames[(int)distance]}（{Workplace(vacancy)}）；愿意去：{ReachName(person.Reach)}"
        + (person.MustBeHomeDaily ? "，须每日回家" : "")
        + (vacancy.HomeDaily ? "；岗位可每日往返" : "");

    private static string Yuan(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Wage(int expected, MatchVacancy vacancy)
    {
        if (vacancy.WageMin <= 0 && vacancy.WageMax <= 0) return "岗位工资面议";
        var range = vacancy.WageMax > vacancy.WageMin ? $"{Yuan(vacancy.WageMin)}–{Yuan(vacancy.WageMax)} 元/月" : $"{Yuan(Math.Max(vacancy.WageMin, vacancy.WageMax))} 元/月";
        if (expected <= 0) return $"未填写期望工资；岗位 {range}";
        var verdict = vacancy.WageMin >= expected ? "达到期望"
            : Math.Max(vacancy.WageMin, vacancy.WageMax) >= expected ? "上限达到期望"
            : $"低于期望 {Yuan(expected - Math.Max(vacancy.WageMin, vacancy.WageMax))} 元";
        return $"期望 {Yuan(expected)} 元/月，岗位 {range}，{verdict}";
    }

    private static string AgeRange(MatchVacancy v) =>
        v.AgeMin > 0 && v.AgeMax > 0 ? $"{v.AgeMin}–{v.AgeMax} 岁" : v.AgeMin > 0 ? $"{v.AgeMin} 岁以上" : $"{v.AgeMax} 岁以下";

    private static string EducationName(byte rank) =>
        CodeLists.Default.Education.ByCode(EducationRanks.CodeOf(rank))?.Name ?? "不详";

    private static string Requirements(MatchCandidate person, MatchVacancy vacancy, RegionDistance distance)
    {
        var parts = new List<string> { vacancy.SuitableForRuralLabour ? "适合农村劳动力" : "未标明适合农村劳动力" };
        if (vacancy.AgeMin > 0 || vacancy.AgeMax > 0)
            parts.Add(person.Age >= 0 ? $"年龄 {person.Age} 岁，要求 {AgeRange(vacancy)}" : $"要求 {AgeRange(vacancy)}，年龄不详");
        if (vacancy.MinEducationRank > 0)
            parts.Add(person.EducationRank > 0
                ? $"文化程度 {EducationName(person.EducationRank)}，要求 {EducationName(vacancy.MinEducationRank)}及以上"
                : $"要求 {EducationName(vacancy.MinEducationRank)}及以上，文化程度不详");
        if (distance > RegionDistance.SameCounty)
            parts.Add((vacancy.HousingProvided ? "提供住宿" : "不提供住宿") + "、" + (vacancy.MealsProvided ? "提供餐食" : "不提供餐食"));
        return string.Join("；", parts);
    }

    private static string Capacity(LabourCapacity capacity, MatchVacancy vacancy)
    {
        var name = CodeLists.Default.LabourCapacity.ByCode(((int)capacity).ToString(CultureInfo.InvariantCulture))?.Name ?? "劳动技能不详";
        return capacity == LabourCapacity.Weak
            ? $"{name}；岗位{(vacancy.HomeDaily ? "可" : "不可")}每日往返，{(vacancy.SuitableForRuralLabour ? "适合" : "未标明适合")}农村劳动力"
            : name;
    }

    private string Exclusion(MatchCandidate person, MatchVacancy vacancy, MatchScore score) => score.Exclusion switch
    {
        MatchExclusion.OutsideReach => $"岗位在{PlaceNames[(int)score.Distance]}（{Workplace(vacancy)}），超出外出意愿（{ReachName(person.Reach)}）",
        MatchExclusion.NotHomeDaily => $"须每日回家，岗位在县外（{Workplace(vacancy)}）且不能每日往返",
        MatchExclusion.Age => $"年龄 {person.Age} 岁，岗位要求 {AgeRange(vacancy)}",
        MatchExclusion.Education => $"文化程度 {EducationName(person.EducationRank)}，岗位要求 {EducationName(vacancy.MinEducationRank)}及以上",
        MatchExclusion.NoLabourCapacity => "无劳动能力（丧失劳动力或无劳动力）",
        _ => "",
    };
}

using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Bangfu.Employment.Matching;
using Bangfu.Registry.Regions;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Cli.Commands;

internal static class MatchCommands
{
    public static Command Create()
    {
        var region = new Option<string>("--region") { Description = "区划代码（省、市、县、乡镇或村）", Required = true };
        var top = new Option<int>("--top") { Description = "每人列出的岗位数（1–100）", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "以 JSON 输出" };
        var match = new Command("match", "人岗匹配：区域内未就业有意愿的每个人，与所有在招岗位匹配，列出得分最高的岗位及各项得分的理由") { region, top, json };
        match.SetAction(async (parse, ct) =>
        {
            var code = parse.GetValue(region)!.Trim();
            var k = parse.GetValue(top);
            if (code.Length is not (2 or 4 or 6 or 9 or 12) || !code.All(char.IsAsciiDigit))
            {
                Console.Error.WriteLine($"--region：区划代码“{code}”不对，应为 2、4、6、9 或 12 位数字。");
                return 2;
            }
            if (k is < 1 or > 100)
            {
                Console.Error.WriteLine($"--top：{k} 超出范围，应为 1 到 100。");
                return 2;
            }
            var result = await CliHost.RunAsync(async sp =>
            {
                if (await sp.GetRequiredService<RegionDirectory>().FindAsync(code, ct) is null) return null;
                return await sp.GetRequiredService<MatchingService>().ForRegionAsync(code, k, ct);
            }, ct);
            if (result is null)
            {
                Console.Error.WriteLine($"--region：没有区划代码为“{code}”的地区。");
                return 1;
            }
            if (parse.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(result.Select(ToJson), ImportCommands.Json));
            else Print(result);
            return 0;
        });
        return match;
    }

    private static object ToJson(PersonMatches m) => new
    {
        personNumber = m.Person.PersonNumber,
        idNumberMasked = m.Person.IdNumberMasked,
        villageCode = m.Person.RegionCode,
        hasProfile = m.HasProfile,
        reach = MatchExplainer.ReachName(m.Candidate.Reach),
        vacancies = m.Vacancies.Select(v => new
        {
            vacancyId = v.VacancyId,
            title = v.Title,
            employer = v.EmployerName,
            occupationCode = v.OccupationCode,
            occupation = v.OccupationName,
            workplaceCode = v.WorkplaceRegionCode,
            workplace = v.WorkplaceName,
            wageMin = v.WageMin,
            wageMax = v.WageMax,
            score = v.Why.Points,
            components = v.Why.Components.Select(c => new { key = c.Key, name = c.Name, weight = c.Weight, score = c.Score, explanation = c.Explanation }),
        }),
    };

    private static void Print(IReadOnlyList<PersonMatches> result)
    {
        if (result.Count == 0) Console.WriteLine("区域内没有未就业有意愿的人员。");
        foreach (var m in result)
        {
            Console.WriteLine($"人口编号 {m.Person.PersonNumber}  证件号码 {m.Person.IdNumberMasked}  外出意愿 {MatchExplainer.ReachName(m.Candidate.Reach)}{(m.HasProfile ? "" : "（未登记求职意向，按花名册默认）")}");
            if (m.Vacancies.Count == 0) Console.WriteLine("  没有符合条件的在招岗位");
            var rank = 0;
            foreach (var v in m.Vacancies)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {++rank}. {v.Why.Points:0.00} 分  {v.Title}（{v.EmployerName}）  {v.OccupationName}  {v.WorkplaceName}  {v.WageMin}–{v.WageMax} 元/月"));
                foreach (var c in v.Why.Components)
                    Console.WriteLine($"       {c.Name} {c.Score}（权重 {c.Weight}）：{c.Explanation}");
            }
        }
    }
}

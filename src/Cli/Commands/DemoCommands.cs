using System.CommandLine;
using Bangfu.Employment.Fairs;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Cli.Commands;

internal static class DemoCommands
{
    public static Command Create()
    {
        var load = new Command("load",
            "载入演示数据：贺家湾村招聘会（宁乡市煤炭坝镇，2021 年 12 月）的 24 家用人单位和一万余个岗位，以及十八洞村的保洁、保安岗位。" +
            "单位名称带“（演示）”，岗位来源为“演示”。可重复运行，已有的不会重复添加。不含任何人员信息。");
        load.SetAction(async (parse, ct) =>
        {
            var s = await CliHost.RunAsync(sp => sp.GetRequiredService<DemoDataLoader>().LoadAsync(ct), ct);
            Console.WriteLine($"演示数据：用人单位 {s.Employers} 家（本次新增 {s.EmployersAdded}），岗位 {s.Vacancies} 个共招 {s.Jobs} 人（本次新增 {s.VacanciesAdded}），" +
                              $"招聘会新增 {s.FairsAdded} 场，参会关联新增 {s.FairLinksAdded} 条");
            return 0;
        });
        return new Command("demo", "演示数据") { load };
    }
}

using System.CommandLine;
using Bangfu.Registry.Regions;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Cli.Commands;

internal static class RegionCommands
{
    public static Command Create()
    {
        var dir = new Argument<DirectoryInfo>("DIR") { Description = "含 provinces/cities/areas/streets/villages .csv 或 .csv.gz 的目录" };
        var edition = new Option<int>("--edition") { Description = "版本年份，例如 2024", Required = true };
        var load = new Command("load", "载入新版行政区划：更新名称、增加新代码，不再列出的代码标记为停用（不删除）") { dir, edition };
        load.SetAction(async (parse, ct) =>
        {
            RegionLoadSummary summary;
            try
            {
                summary = await CliHost.RunAsync(sp => sp.GetRequiredService<RegionTreeLoader>()
                    .LoadAsync(parse.GetValue(dir)!.FullName, parse.GetValue(edition), ct), ct);
            }
            catch (RegionDataException e)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
            Console.WriteLine($"区划 {summary.Edition} 版：读入 {summary.Read}，新增 {summary.Added}，更名 {summary.Renamed}，停用 {summary.Retired}，未变 {summary.Unchanged}");
            return 0;
        });
        return new Command("regions", "行政区划") { load };
    }
}

using System.CommandLine;
using System.Text.Json;
using Bangfu.Platform.Time;
using Bangfu.Reporting.MonthlyDispatch;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Cli.Commands;

internal static class ReportCommands
{
    public static Command Create()
    {
        var period = new Option<string>("--period") { Description = "月份 YYYY-MM", Required = true };
        var region = new Option<string?>("--region") { Description = "区划代码（默认：全部管辖范围）" };
        var json = new Option<bool>("--json") { Description = "以 JSON 输出" };
        var monthly = new Command("monthly", "月调度报表：人数、户数、劳动力、务工（省外/省内县外/县内）、帮扶车间、公益性岗位、有劳动力未就业") { period, region, json };
        monthly.SetAction(async (parse, ct) =>
        {
            if (!Period.TryParse(parse.GetValue(period), out var p))
            {
                Console.Error.WriteLine($"月份“{parse.GetValue(period)}”格式不对，应为 YYYY-MM。");
                return 2;
            }
            try
            {
                var report = await CliHost.RunAsync(sp => sp.GetRequiredService<MonthlyDispatchService>().GetAsync(parse.GetValue(region), p, ct), ct);
                if (parse.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(ToJson(report), ImportCommands.Json));
                else Print(report);
                return 0;
            }
            catch (KeyNotFoundException e)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        });
        return new Command("report", "报表") { monthly };
    }

    /// <summary>The figures under the keys of the cases' expected files, and the same per child region under <c>children</c>.</summary>
    public static Dictionary<string, object> Figures(DispatchFigures f) =>
        DispatchFigureKeys.Of(f).ToDictionary(kv => kv.Key, kv => (object)kv.Value);

    private static Dictionary<string, object> ToJson(MonthlyDispatchReport report)
    {
        var result = Figures(report.Total.Figures);
        result["children"] = report.Children.ToDictionary(c => c.RegionCode, c => (object)Figures(c.Figures));
        return result;
    }

    private static void Print(MonthlyDispatchReport r)
    {
        Console.WriteLine($"{r.Total.RegionName} {r.Period.ToChinese()} 月调度");
        Console.WriteLine("区域\t人数\t户数\t劳动力\t务工\t省外\t省内县外\t县内\t帮扶车间\t公益性岗位\t有劳动力未就业\t本月返乡\t报送率");
        foreach (var row in r.Children.Prepend(r.Total))
        {
            var f = row.Figures;
            Console.WriteLine($"{row.RegionName}\t{f.Persons}\t{f.Households}\t{f.LabourForce}\t{f.Employed}\t{f.EmployedOutsideProvince}\t" +
                              $"{f.EmployedInProvinceOutsideCounty}\t{f.EmployedInCounty}\t{f.WorkshopWorkers}\t{f.PublicWelfareJobs}\t" +
                              $"{f.AbleNotEmployed}\t{f.ReturnedThisMonth}\t{(row.ReportingRate is { } rate ? rate.ToString("P0") : "-")}");
        }
    }
}

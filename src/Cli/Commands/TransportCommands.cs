using System.CommandLine;
using System.Text.Json;
using Bangfu.Employment.Transport;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Cli.Commands;

/// <summary><c>transport report --period 2022|2022-Q1|2022-02 [--region CODE] [--json]</c>: people carried by region.</summary>
internal static class TransportCommands
{
    public static Command Create()
    {
        var period = new Option<string>("--period") { Description = "期间：YYYY、YYYY-Qn 或 YYYY-MM", Required = true };
        var region = new Option<string?>("--region") { Description = "区划代码（默认：全国）" };
        var json = new Option<bool>("--json") { Description = "以 JSON 输出" };
        var report = new Command("report", "点对点输送统计：各下级地区的输送人次、人数、确认到达，以及省外/省内县外/县内/不明") { period, region, json };
        report.SetAction(async (parse, ct) =>
        {
            if (!ReportPeriod.TryParse(parse.GetValue(period), out var p))
            {
                Console.Error.WriteLine($"期间“{parse.GetValue(period)}”格式不对，应为 YYYY、YYYY-Qn 或 YYYY-MM。");
                return 2;
            }
            var code = parse.GetValue(region)?.Trim() ?? "";
            var rows = await CliHost.RunAsync(async sp =>
            {
                var service = sp.GetRequiredService<TransportReport>();
                return service.IsInScope(code) ? await service.ByRegionAsync(code, p, ct) : null;
            }, ct);
            if (rows is null)
            {
                Console.Error.WriteLine($"区划代码“{code}”无效，应为 2、4、6、9 或 12 位数字。");
                return 2;
            }
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(rows.Select(r => new
                {
                    region = r.RegionCode, name = r.RegionName, trips = r.Trips, persons = r.Persons, arrived = r.Arrived,
                    outside_province = r.OutsideProvince, in_province_outside_county = r.InProvinceOutsideCounty, in_county = r.InCounty, unknown = r.Unknown,
                }), ImportCommands.Json));
                return 0;
            }
            Console.WriteLine($"点对点输送 {p.ToChinese()}");
            Console.WriteLine("区域\t输送人次\t输送人数\t确认到达\t省外\t省内县外\t县内\t不明");
            foreach (var r in rows)
                Console.WriteLine($"{r.RegionName}\t{r.Trips}\t{r.Persons}\t{r.Arrived}\t{r.OutsideProvince}\t{r.InProvinceOutsideCounty}\t{r.InCounty}\t{r.Unknown}");
            return 0;
        });
        return new Command("transport", "点对点输送") { report };
    }
}

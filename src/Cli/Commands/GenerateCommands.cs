using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Bangfu.Cli.Generate;

namespace Bangfu.Cli.Commands;

/// <summary>
/// <c>bangfu generate FILE</c>: a synthetic roster for demos and benchmarks, written straight to a file. It does not
/// open the database.
/// </summary>
internal static class GenerateCommands
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "输出文件：.csv 或 .xlsx" };
        var rows = new Option<long>("--rows", "--persons") { Description = "人数（每人一行）", DefaultValueFactory = _ => 10_000 };
        var province = new Option<string>("--province") { Description = "省级行政区划代码，43 为湖南省", DefaultValueFactory = _ => "43" };
        var counties = new Option<int?>("--counties") { Description = "分布在几个县（市），默认每 5 万人一个县" };
        var seed = new Option<int>("--seed") { Description = "随机种子：种子和人数相同，生成的 CSV 逐字节相同", DefaultValueFactory = _ => 1 };
        var year = new Option<int>("--year") { Description = "年度（年龄按该年 12 月 31 日计算）", DefaultValueFactory = _ => 2021 };
        var format = new Option<string?>("--format") { Description = "csv 或 xlsx，默认按扩展名" };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        var encoding = new Option<string>("--encoding") { Description = "CSV 编码：utf8（带 BOM）或 gb18030", DefaultValueFactory = _ => "utf8" };
        encoding.AcceptOnlyFromAmong("utf8", "gb18030");

        var command = new Command("generate",
            "生成合成的人员花名册（全国防返贫监测信息系统人口信息导出的 47 列格式），用于演示和性能测试。"
            + "地名取自区划数据中的真实县、乡、村，人员姓名、身份证号、电话均为随机生成。不连接数据库。")
        {
            file, rows, province, counties, seed, year, format, encoding,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(
            parse.GetValue(file)!, parse.GetValue(format), parse.GetValue(encoding)!,
            new RosterGeneratorOptions
            {
                Rows = parse.GetValue(rows),
                ProvinceCode = parse.GetValue(province)!,
                Counties = parse.GetValue(counties),
                Seed = parse.GetValue(seed),
                Year = parse.GetValue(year),
            },
            cancellationToken)));
        return command;
    }

    private static int Run(FileInfo file, string? format, string encodingName, RosterGeneratorOptions options, CancellationToken cancellationToken)
    {
        format ??= file.Extension.ToLowerInvariant() switch { ".csv" => "csv", ".xlsx" => "xlsx", _ => null };
        if (format is null) return Fail($"无法从扩展名“{file.Extension}”判断格式，请用 --format csv 或 --format xlsx。");
        if (format == "xlsx" && encodingName != "utf8") return Fail("--encoding 只用于 CSV；xlsx 文件总是 UTF-8。");
        if (format == "xlsx" && options.Rows > RosterXlsxWriter.MaxRows)
            return Fail($"一个 Excel 工作表最多 {RosterXlsxWriter.MaxRows:N0} 行数据；更多行请写 CSV。");

        var clock = Stopwatch.StartNew();
        RosterGenerator generator;
        try
        {
            generator = new RosterGenerator(options);
        }
        catch (Exception e) when (e is ArgumentException or FileNotFoundException)
        {
            return Fail(e.Message);
        }

        var progress = new ProgressLine(options.Rows);
        var rows = WithProgress(generator.Rows(), progress, cancellationToken);
        file.Directory?.Create();
        try
        {
            if (format == "xlsx")
            {
                RosterXlsxWriter.Write(file.FullName, rows);
            }
            else
            {
                var encoding = encodingName == "gb18030" ? RosterCsvWriter.Gb18030 : RosterCsvWriter.Utf8;
                using var stream = new FileStream(file.FullName, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
                RosterCsvWriter.Write(stream, rows, encoding);
            }
        }
        catch (OperationCanceledException)
        {
            file.Delete();
            return Fail("已取消，未完成的文件已删除。");
        }
        catch
        {
            file.Delete();
            throw;
        }

        var t = generator.Totals;
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"已生成 {file.FullName}：{t.Persons:N0} 人，{t.Households:N0} 户，{generator.VillageCount:N0} 个村，{generator.CountyNames.Count} 个县（市）；用时 {seconds:F1} 秒。"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"劳动力 {t.LabourForce:N0} 人：务工 {t.Employed:N0}（{Percent(t.Employed, t.LabourForce)}），其中省外 {Percent(t.EmployedOutsideProvince, t.Employed)}、"
            + $"省内县外 {Percent(t.EmployedInProvinceOutsideCounty, t.Employed)}、县内 {Percent(t.EmployedInCounty, t.Employed)}；"
            + $"帮扶车间 {t.WorkshopWorkers:N0}（{Percent(t.WorkshopWorkers, t.LabourForce)}），公益性岗位 {t.PublicWelfareJobs:N0}（{Percent(t.PublicWelfareJobs, t.LabourForce)}）。"));
        Console.WriteLine($"县（市）：{string.Join("、", generator.CountyNames)}");
        return 0;
    }

    private static IEnumerable<string[]> WithProgress(IEnumerable<string[]> rows, ProgressLine progress, CancellationToken cancellationToken)
    {
        long written = 0;
        foreach (var row in rows)
        {
            yield return row;
            written++;
            if ((written & 0x3FF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress.Report(written);
            }
        }
    }

    private static string Percent(long part, long whole) =>
        whole == 0 ? "-" : (100.0 * part / whole).ToString("F1", CultureInfo.InvariantCulture) + "%";

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }

    /// <summary>"已写入 120,000 / 1,000,000 行（12%）" on standard error, at most once a second.</summary>
    private sealed class ProgressLine(long total)
    {
        private readonly Stopwatch sinceLast = Stopwatch.StartNew();

        public void Report(long written)
        {
            if (sinceLast.ElapsedMilliseconds < 1000) return;
            sinceLast.Restart();
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"已写入 {written:N0} / {total:N0} 行（{100 * written / total}%）"));
        }
    }
}

using Bangfu.Registry.Contracts;
using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Bangfu.Platform.Jobs;
using Bangfu.Platform.Time;
using Bangfu.Registry.RosterImport;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Cli.Commands;

internal static class ImportCommands
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "花名册文件（.xlsx 或 .csv，全国防返贫监测信息系统 47 列人员表）" };
        var period = new Option<string?>("--period") { Description = "所属月份 YYYY-MM（默认：文件“年度”的 12 月）" };
        var dryRun = new Option<bool>("--dry-run") { Description = "只检查，不写入" };
        var json = new Option<bool>("--json") { Description = "以 JSON 输出结果" };
        var roster = new Command("roster", "导入村人员花名册：先逐行检查，再一次性（原子地）写入") { file, period, dryRun, json };
        roster.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"找不到文件：{path.FullName}");
                return 2;
            }
            Period? p = null;
            if (parse.GetValue(period) is { } text)
            {
                if (!Period.TryParse(text, out var parsed))
                {
                    Console.Error.WriteLine($"月份“{text}”格式不对，应为 YYYY-MM，例如 2021-12。");
                    return 2;
                }
                p = parsed;
            }
            var asJson = parse.GetValue(json);
            var summary = await CliHost.RunAsync(sp => sp.GetRequiredService<RosterImportService>().ImportAsync(
                new RosterImportRequest(path.FullName, path.Name, p, parse.GetValue(dryRun), UserName: Environment.UserName),
                new ConsoleProgress(), ct), ct);
            Console.Error.WriteLine();
            if (asJson) Console.WriteLine(JsonSerializer.Serialize(ToJson(summary), Json));
            else Print(summary);
            // 1: the file could not be imported, or every row was refused.
            return summary.FileError is null && summary.RowsRefused < summary.Rows ? 0 : 1;
        });
        return new Command("import", "导入") { roster };
    }

    private static object ToJson(RosterImportSummary s) => new Dictionary<string, object?>
    {
        ["import_id"] = s.ImportId,
        ["period"] = s.Period.ToString(),
        ["dry_run"] = s.DryRun,
        ["rows"] = s.Rows,
        ["persons_new"] = s.PersonsNew,
        ["persons_updated"] = s.PersonsUpdated,
        ["persons_unchanged"] = s.PersonsUnchanged,
        ["rows_refused"] = s.RowsRefused,
        ["households_new"] = s.HouseholdsNew,
        ["file_error"] = s.FileError,
        ["errors"] = Items(s.Issues.Where(i => i.Severity == IssueSeverity.Error)),
        ["warnings"] = Items(s.Issues.Where(i => i.Severity == IssueSeverity.Warning)),
    };

    private static List<Dictionary<string, object?>> Items(IEnumerable<RowIssue> issues) =>
        issues.Select(i => new Dictionary<string, object?>
        {
            ["row"] = i.Row,
            ["column"] = i.Column,
            ["code"] = i.Rule.Code,
            ["message"] = i.Message,
        }).ToList();

    private static void Print(RosterImportSummary s)
    {
        Console.WriteLine($"{(s.DryRun ? "检查（未写入）" : "已导入")}：{s.FileName}，所属月份 {s.Period}");
        if (s.FileError is not null) Console.WriteLine($"文件错误：{s.FileError}");
        Console.WriteLine($"数据行 {s.Rows}；新增 {s.PersonsNew}，更新 {s.PersonsUpdated}，未变 {s.PersonsUnchanged}（unchanged: {s.PersonsUnchanged}）；拒收 {s.RowsRefused} 行；新增户 {s.HouseholdsNew}");
        Console.WriteLine($"错误 {s.Errors} 条，警告 {s.Warnings} 条");
        foreach (var i in s.Issues.Take(50))
            Console.WriteLine($"  {(i.Severity == IssueSeverity.Error ? "错误" : "警告")} 第{i.Row}行 [{i.Column}] {i.Rule.Code}：{i.Message}");
        if (s.Issues.Count > 50) Console.WriteLine($"  …… 另有 {s.Errors + s.Warnings - 50} 条，用 --json 查看全部");
    }

    /// <summary>A progress line on stderr, rewritten at most a few times a second.</summary>
    private sealed class ConsoleProgress : IProgress<JobProgress>
    {
        private DateTime last;
        private string? stage;

        public void Report(JobProgress value)
        {
            var now = DateTime.UtcNow;
            var stageChanged = !value.Stage.StartsWith("已读取", StringComparison.Ordinal) && value.Stage != stage;
            if ((now - last).TotalMilliseconds < 250 && !stageChanged) return;
            last = now;
            stage = value.Stage;
            Console.Error.Write($"\r{value.Stage} {(value.Percent is { } p ? p + "%" : "")}        ");
        }
    }
}

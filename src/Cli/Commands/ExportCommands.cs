using System.CommandLine;
using Bangfu.Platform.Security;
using Bangfu.Registry.RosterExport;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Cli.Commands;

/// <summary>
/// <c>bangfu export roster|issues --region CODE FILE</c>: a region's roster in the 47-column layout (ID numbers and
/// phones in clear, for the national system or another import) or its open data-quality issues. CSV when FILE ends in
/// .csv, otherwise .xlsx. The file is created readable by its owner only.
/// </summary>
internal static class ExportCommands
{
    public static Command Create()
    {
        var roster = ExportCommand("roster", "导出人员花名册（47 列，与导入格式相同；证件号码和电话为明文，请妥善保管）", RegistryExportKind.Roster);
        var issues = ExportCommand("issues", "导出待整改的数据质量问题清单（证件号码已脱敏）", RegistryExportKind.QualityIssues);
        return new Command("export", "导出") { roster, issues };
    }

    private static Command ExportCommand(string name, string description, RegistryExportKind kind)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "输出文件：.xlsx，或 .csv（UTF-8 带 BOM）" };
        var region = new Option<string>("--region") { Description = "区划代码：村 12 位、乡 9 位、县 6 位……", Required = true };
        var command = new Command(name, description) { file, region };
        command.SetAction(async (parse, ct) =>
        {
            var target = parse.GetValue(file)!;
            if (!target.Extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase) && !target.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase))
            {
                Console.Error.WriteLine($"输出文件应以 .xlsx 或 .csv 结尾：{target.Name}");
                return 2;
            }
            if (target.Directory is { Exists: false } directory)
            {
                Console.Error.WriteLine($"目录不存在：{directory.FullName}");
                return 2;
            }
            var request = new RegistryExportRequest(kind, parse.GetValue(region)!, TableWriters.FormatOf(target.Name)) { UserName = Environment.UserName, View = PersonalDataView.Full };
            var partial = target.FullName + ".part";
            try
            {
                var rows = await CliHost.RunAsync(async sp =>
                {
                    var exports = sp.GetRequiredService<RosterExportService>();
                    await exports.RegionAsync(request.RegionCode, ct); // refuse before creating a file
                    var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, BufferSize = 1 << 16 };
                    if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                    await using var stream = new FileStream(partial, options);
                    return await exports.ExportAsync(request, stream, ct);
                }, ct);
                File.Move(partial, target.FullName, overwrite: true);
                Console.WriteLine($"已导出 {rows} 行：{target.FullName}");
                return 0;
            }
            catch (KeyNotFoundException e)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
            finally
            {
                if (File.Exists(partial)) File.Delete(partial);
            }
        });
        return command;
    }
}

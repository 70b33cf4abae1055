using System.CommandLine;
using Bangfu.Platform.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Cli.Commands;

/// <summary>
/// <c>bangfu audit verify</c>: recomputes the hash chain of the audit trail and prints the verdict; exit code 1 when
/// an entry was edited, removed or inserted (for monitoring). <c>bangfu audit trim</c>: runs retention now
/// (<c>Audit:RetentionDays</c>, at least 184 days) instead of waiting for the web host's daily run. Both are recorded.
/// </summary>
internal static class AuditCommands
{
    public static Command Create()
    {
        var verify = new Command("verify", "校验审计日志的哈希链：有记录被改动、删除或插入时退出码为 1");
        verify.SetAction(async (_, ct) =>
        {
            var verdict = await CliHost.RunAsync(async sp =>
            {
                var trail = sp.GetRequiredService<AuditTrail>();
                var result = await trail.VerifyAsync(ct);
                await trail.RecordAsync(new AuditEntry(AuditCategories.System, AuditEvents.AuditVerify,
                    result.Intact ? AuditEntry.Success : $"{AuditEntry.Failure}：{result.Message}",
                    Details: new { result.Checked, result.FirstBrokenId }), ct);
                return result;
            }, ct);
            (verdict.Intact ? Console.Out : Console.Error).WriteLine(verdict.Message);
            return verdict.Intact ? 0 : 1;
        });

        var trim = new Command("trim", "按保留期（Audit:RetentionDays，不少于 184 天）立即清理过期的审计记录，并移动哈希链锚点");
        trim.SetAction(async (_, ct) =>
        {
            try
            {
                var (result, days) = await CliHost.RunAsync(async sp =>
                    (await sp.GetRequiredService<AuditRetention>().TrimAsync(ct), sp.GetRequiredService<AuditRetentionSettings>().Days), ct);
                Console.WriteLine(result.Removed == 0
                    ? $"没有超过保留期（{days} 天）的审计记录。"
                    : $"已清理 {result.Removed} 条早于 {result.Cutoff.ToLocalTime():yyyy-MM-dd HH:mm} 的审计记录（保留 {days} 天），哈希链锚点移至第 {result.TrimmedThroughId} 条。");
                return 0;
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        });
        return new Command("audit", "审计日志") { verify, trim };
    }
}

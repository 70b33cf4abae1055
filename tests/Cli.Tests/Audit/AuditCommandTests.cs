using Bangfu.Platform.Audit;
using Bangfu.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Cli.Tests.Audit;

/// <summary>
/// <c>bangfu audit verify</c> passes an untouched trail and catches a DBA's hand: an entry edited or deleted directly in
/// the database (the protecting triggers dropped first) fails verification with exit code 1 and names the entry.
/// <c>bangfu audit trim</c> runs retention at once.
/// </summary>
public sealed class AuditCommandTests : DatabaseTest
{
    [Fact]
    public async Task The_verify_command_passes_an_untouched_trail_and_detects_an_edited_entry()
    {
        var ids = await RecordAsync(4);
        var (intact, output, _) = await CliProcess.RunAsync(Database, "audit", "verify");
        Assert.Equal(0, intact);
        Assert.Contains("审计日志完整", output);

        await Services.DropProtectionAsync();
        await Services.ExecuteSqlAsync($"UPDATE aud_event SET details = replace(details, '247', '1') WHERE id = {ids[1]}");
        var (code, _, error) = await CliProcess.RunAsync(Database, "audit", "verify");

        Assert.Equal(1, code);
        Assert.Contains($"第 {ids[1]} 条审计记录被改动", error);
    }

    [Fact]
    public async Task The_verify_command_detects_a_deleted_entry()
    {
        var ids = await RecordAsync(4);
        await Services.DropProtectionAsync();
        await Services.ExecuteSqlAsync($"DELETE FROM aud_event WHERE id = {ids[2]}");

        var (code, _, error) = await CliProcess.RunAsync(Database, "audit", "verify");

        Assert.Equal(1, code);
        Assert.Contains($"第 {ids[2]} 条审计记录缺失", error);
    }

    [Fact]
    public async Task The_verify_command_detects_the_last_entry_deleted()
    {
        var ids = await RecordAsync(3);
        await Services.DropProtectionAsync();
        await Services.ExecuteSqlAsync($"DELETE FROM aud_event WHERE id = {ids[^1]}");

        var (code, _, error) = await CliProcess.RunAsync(Database, "audit", "verify");

        Assert.Equal(1, code);
        Assert.Contains("缺失", error);
    }

    [Fact]
    public async Task The_trim_command_runs_retention_now_and_records_who_ran_it()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var services = Database.BuildServices(configure: s => s.AddSingleton<TimeProvider>(clock));
        await services.ClearAsync();
        foreach (var days in new[] { -500, -400, -10 }) await clock.RecordAtAsync(services, DateTimeOffset.UtcNow.AddDays(days));

        var (code, output, error) = await CliProcess.RunAsync(Database, "audit", "trim");

        Assert.True(code == 0, error);
        Assert.Contains("已清理 2 条", output);
        var trim = Assert.Single(await services.EntriesAsync(AuditEvents.AuditTrim));
        Assert.Equal((Environment.UserName, "CLI"), (trim.UserName, trim.ClientIp));
        Assert.Equal(0, (await CliProcess.RunAsync(Database, "audit", "verify")).Code);
    }

    private async Task<List<long>> RecordAsync(int count)
    {
        await using var scope = Services.CreateAsyncScope();
        var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        for (var i = 0; i < count; i++)
            await trail.RecordAsync(new AuditEntry(AuditCategories.Export, AuditEvents.ExportPersonList, Target: "430182106209", Details: new { rows = 246 + i }));
        return (await Services.EntriesAsync()).TakeLast(count).Select(e => e.Id).ToList();
    }
}

using Bangfu.Platform.Audit;
using Bangfu.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Platform.Tests.Audit;

/// <summary>
/// Retention removes the oldest entries, moves the chain's anchor so the rest still verifies, never goes below the
/// legal minimum of 184 days whatever is configured, and stops rather than delete a broken part of the chain.
/// </summary>
public sealed class AuditRetentionTests : DatabaseTest
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly ManualClock clock = new(Now);

    [Fact]
    public async Task Trimming_removes_the_entries_past_retention_and_the_rest_still_verifies()
    {
        await using var services = await TrailAsync(365, -400, -400, -400, -250, -250, -100, 0);

        var result = await TrimAsync(services);

        Assert.Equal(3, result.Removed);
        var left = await services.EntriesAsync();
        Assert.Equal(4 + 1, left.Count); // and the record of the trim itself
        Assert.All(left, e => Assert.True(e.At >= Now.AddDays(-365)));
        Assert.Equal(AuditEvents.AuditTrim, left[^1].Name);
        Assert.Contains("\"removed\":3", left[^1].Details);
        var verdict = await VerifyAsync(services);
        Assert.True(verdict.Intact, verdict.Message);
        Assert.Equal(5, verdict.Checked);
    }

    [Fact]
    public async Task Retention_never_trims_inside_184_days_whatever_is_configured()
    {
        await using var services = await TrailAsync(30, -400, -190, -183, -100, -31, 0);

        var result = await TrimAsync(services);

        Assert.Equal(184, services.GetRequiredService<AuditRetentionSettings>().Days);
        Assert.Equal(2, result.Removed);
        var left = await services.EntriesAsync();
        Assert.True((left[0].At - Now.AddDays(-183)).Duration() < TimeSpan.FromSeconds(1));
        Assert.True((await VerifyAsync(services)).Intact);
        Assert.Equal(0, (await TrimAsync(services)).Removed); // again: nothing more is due
    }

    [Fact]
    public async Task Trimming_twice_in_batches_keeps_the_chain_verifiable()
    {
        await using var services = await TrailAsync(365, -900, -850, -820);
        clock.Now = Now.AddDays(-500);
        Assert.Equal(1, (await TrimAsync(services)).Removed);
        Assert.True((await VerifyAsync(services)).Intact);

        clock.Now = Now; // a year on, the rest is due, and so is the record of the first trim
        Assert.Equal(3, (await TrimAsync(services)).Removed);
        var verdict = await VerifyAsync(services);
        Assert.True(verdict.Intact, verdict.Message);
        Assert.Equal(1, verdict.Checked);
    }

    [Fact]
    public async Task A_broken_chain_stops_trimming_and_nothing_is_deleted()
    {
        await using var services = await TrailAsync(365, -400, -400, -400, 0);
        var entries = await services.EntriesAsync();
        await services.DropProtectionAsync();
        await services.ExecuteSqlAsync($"UPDATE aud_event SET result = '失败' WHERE id = {entries[1].Id}");
        await services.ProtectAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TrimAsync(services));

        Assert.Contains($"第 {entries[1].Id} 条", error.Message);
        Assert.Equal(entries.Count, (await services.EntriesAsync()).Count);
    }

    // An empty trail, then one entry per offset (days from now), with the given retention.
    private async Task<ServiceProvider> TrailAsync(int retentionDays, params int[] days)
    {
        var services = Database.BuildServices(new Dictionary<string, string?> { ["Audit:RetentionDays"] = retentionDays.ToString() },
            s => s.AddSingleton<TimeProvider>(clock));
        await services.ClearAsync();
        foreach (var d in days) await clock.RecordAtAsync(services, Now.AddDays(d));
        clock.Now = Now;
        return services;
    }

    private static async Task<AuditTrimResult> TrimAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditRetention>().TrimAsync();
    }

    private static async Task<AuditVerification> VerifyAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditTrail>().VerifyAsync();
    }
}

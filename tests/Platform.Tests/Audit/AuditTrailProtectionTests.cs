using System.Data.Common;
using Bangfu.Platform.Audit;
using Bangfu.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Platform.Tests.Audit;

/// <summary>
/// The database keeps the trail append-only against the application's own connection: no entry can be changed, none
/// younger than 184 days deleted, and the chain's anchor cannot be moved over entries still there.
/// </summary>
public sealed class AuditTrailProtectionTests : DatabaseTest
{
    private readonly ManualClock clock = new(DateTimeOffset.UtcNow);
    private ServiceProvider services = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        services = Database.BuildServices(configure: s => s.AddSingleton<TimeProvider>(clock));
    }

    public override async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task The_application_cannot_change_an_entry_or_delete_a_recent_one()
    {
        await clock.RecordAtAsync(services, DateTimeOffset.UtcNow.AddDays(-183));
        var entry = (await services.EntriesAsync()).Last();

        await Assert.ThrowsAnyAsync<DbException>(() => services.ExecuteSqlAsync($"UPDATE aud_event SET result = '失败' WHERE id = {entry.Id}"));
        await Assert.ThrowsAnyAsync<DbException>(() => services.ExecuteSqlAsync($"UPDATE aud_event SET details = NULL WHERE id = {entry.Id}"));
        await Assert.ThrowsAnyAsync<DbException>(() => services.ExecuteSqlAsync($"DELETE FROM aud_event WHERE id = {entry.Id}"));
        await Assert.ThrowsAnyAsync<DbException>(() => services.ExecuteSqlAsync("DELETE FROM aud_event"));

        Assert.Equal(entry.Result, (await services.EntriesAsync()).Last().Result);
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task An_entry_older_than_184_days_may_be_deleted()
    {
        await clock.RecordAtAsync(services, DateTimeOffset.UtcNow.AddDays(-185));
        var entry = (await services.EntriesAsync()).Last();

        Assert.Equal(1, await services.ExecuteSqlAsync($"DELETE FROM aud_event WHERE id = {entry.Id}"));
    }

    [Fact]
    public async Task The_chain_head_cannot_be_deleted_moved_back_or_anchored_over_entries_still_there()
    {
        await clock.RecordAtAsync(services, DateTimeOffset.UtcNow);
        await clock.RecordAtAsync(services, DateTimeOffset.UtcNow);

        await Assert.ThrowsAnyAsync<DbException>(() => services.ExecuteSqlAsync("DELETE FROM aud_chain"));
        await Assert.ThrowsAnyAsync<DbException>(() => services.ExecuteSqlAsync("UPDATE aud_chain SET last_id = last_id - 1"));
        await Assert.ThrowsAnyAsync<DbException>(() => services.ExecuteSqlAsync("UPDATE aud_chain SET trimmed_through_id = last_id"));
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Installing_the_protection_again_at_the_next_start_changes_nothing()
    {
        await clock.RecordAtAsync(services, DateTimeOffset.UtcNow);

        await services.ProtectAsync();
        await services.ProtectAsync();

        var entry = (await services.EntriesAsync()).Last();
        await Assert.ThrowsAnyAsync<DbException>(() => services.ExecuteSqlAsync($"UPDATE aud_event SET result = '失败' WHERE id = {entry.Id}"));
    }

    private async Task<AuditVerification> VerifyAsync()
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditTrail>().VerifyAsync();
    }
}

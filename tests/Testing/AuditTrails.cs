using Bangfu.Platform.Audit;
using Bangfu.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Testing;

/// <summary>The audit trail from a test's side: the entries as stored, and a DBA's hand on the database.</summary>
public static class AuditTrails
{
    /// <summary>Every entry, oldest first.</summary>
    public static async Task<List<AuditEvent>> EntriesAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<AuditEvent>().AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>The entries of one event name, oldest first.</summary>
    public static async Task<List<AuditEvent>> EntriesAsync(this IServiceProvider services, string name) =>
        (await services.EntriesAsync()).Where(e => e.Name == name).ToList();

    /// <summary>Runs SQL on the application's own connection (as the application could).</summary>
    public static async Task<int> ExecuteSqlAsync(this IServiceProvider services, string sql)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    /// <summary>What a DBA who means to change history does first: drops the triggers that keep the trail append-only.</summary>
    public static async Task DropProtectionAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var provider = db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        foreach (var (name, table) in AuditTrailProtection.Triggers(provider))
            await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Sqlite
                ? $"DROP TRIGGER IF EXISTS {name}"
                : $"DROP TRIGGER IF EXISTS {name} ON {table}");
    }

    /// <summary>Installs the triggers again, as every start does.</summary>
    public static async Task ProtectAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetServices<IDatabaseSeeder>().OfType<AuditTrailProtection>().Single().SeedAsync(CancellationToken.None);
    }

    /// <summary>An empty trail (the template database has entries from its first start), protected again.</summary>
    public static async Task ClearAsync(this IServiceProvider services)
    {
        await services.DropProtectionAsync();
        await services.ExecuteSqlAsync("DELETE FROM aud_event");
        await services.ExecuteSqlAsync("DELETE FROM aud_chain");
        await services.ProtectAsync();
    }

    /// <summary>Records an entry as of <paramref name="at"/> (through a clock set to that instant).</summary>
    public static async Task RecordAtAsync(this ManualClock clock, IServiceProvider services, DateTimeOffset at, string name = "test.entry")
    {
        clock.Now = at;
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync(new AuditEntry(AuditCategories.System, name, Details: new { at }));
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Bangfu.Platform.Data;

/// <summary>
/// One step of first-use initialisation after migrations (loading the region tree, code lists, the first
/// administrator). Each module contributes its own; they run in <see cref="Order"/> and must be idempotent.
/// </summary>
public interface IDatabaseSeeder
{
    int Order { get; }
    Task SeedAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Brings an empty or older database up to date: applies migrations, then runs every <see cref="IDatabaseSeeder"/>.
/// The web host and the CLI both call it, so either one can start on a fresh database.
/// </summary>
public sealed class DatabaseInitialiser(
    AppDbContext db,
    DatabaseSettings settings,
    IEnumerable<IDatabaseSeeder> seeders,
    ILogger<DatabaseInitialiser> logger)
{
    public async Task InitialiseAsync(CancellationToken cancellationToken = default)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(settings.DataDirectory);
            var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(settings.ConnectionString);
            var dir = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migrations ({Provider})", pending.Count, settings.Provider);
            await db.Database.MigrateAsync(cancellationToken);
        }
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // Write-ahead logging: readers never block the writer, and a killed process leaves the file consistent.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        foreach (var seeder in seeders.OrderBy(s => s.Order))
            await seeder.SeedAsync(cancellationToken);
    }
}

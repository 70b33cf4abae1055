using System.Security.Cryptography;
using System.Text;
using Bangfu.Hosting;
using Bangfu.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Bangfu.Testing;

/// <summary>
/// A fresh, fully initialised Bangfu database for one test: migrated, with the real region tree loaded.
/// The provider comes from the environment, so the same suite runs on both:
/// <c>BANGFU_TEST_PROVIDER</c> = <c>Sqlite</c> (default) or <c>Postgres</c>, and for PostgreSQL
/// <c>BANGFU_TEST_POSTGRES</c>, a connection string of a role that may create databases.
/// <para>Loading 665,000 regions takes seconds, so it happens once per machine and migration set into a template
/// (a SQLite file, or a PostgreSQL template database) that each test copies.</para>
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? templateReady;

    private TestDatabase(DatabaseProvider provider, string connectionString, string dataDirectory, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        DataDirectory = dataDirectory;
        this.postgresName = postgresName;
    }

    private readonly string? postgresName;

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>A temporary data directory (keys, logs, uploads) of this test.</summary>
    public string DataDirectory { get; }

    public static DatabaseProvider ConfiguredProvider =>
        string.Equals(Environment.GetEnvironmentVariable("BANGFU_TEST_PROVIDER"), "Postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    /// <summary>The configuration a host needs to use this database.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Database:Provider"] = Provider.ToString(),
        ["ConnectionStrings:Bangfu"] = ConnectionString,
        ["Bangfu:DataDirectory"] = DataDirectory,
    };

    public static async Task<TestDatabase> CreateAsync()
    {
        var provider = ConfiguredProvider;
        var dataDirectory = Path.Combine(Path.GetTempPath(), "bangfu-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var template = await EnsureTemplateAsync(provider);
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(dataDirectory, "bangfu.db");
            File.Copy(template, file);
            return new TestDatabase(provider, $"Data Source={file}", dataDirectory, null);
        }
        var name = "bangfu_t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var admin = new NpgsqlConnection(AdminConnectionString()))
        {
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {template}", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(AdminConnectionString()) { Database = name }.ConnectionString;
        return new TestDatabase(provider, cs, dataDirectory, name);
    }

    /// <summary>A service provider over this database with every module, as the hosts build it.</summary>
    public ServiceProvider BuildServices(IDictionary<string, string?>? extra = null, Action<IServiceCollection>? configure = null)
    {
        var settings = Settings;
        if (extra is not null) foreach (var (k, v) in extra) settings[k] = v;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddBangfu(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(AdminConnectionString());
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public static string AdminConnectionString() =>
        Environment.GetEnvironmentVariable("BANGFU_TEST_POSTGRES")
        ?? throw new InvalidOperationException("BANGFU_TEST_PROVIDER=Postgres 需要 BANGFU_TEST_POSTGRES（可建库的连接字符串）。");

    // The template's name carries a hash of the migrations and the region data, so a changed schema makes a new one.
    private static async Task<string> EnsureTemplateAsync(DatabaseProvider provider)
    {
        if (templateReady is not null) return templateReady;
        await TemplateLock.WaitAsync();
        try
        {
            if (templateReady is not null) return templateReady;
            var key = TemplateKey(provider);
            templateReady = provider == DatabaseProvider.Sqlite
                ? await EnsureSqliteTemplateAsync(key)
                : await EnsurePostgresTemplateAsync(key);
            return templateReady;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static string TemplateKey(DatabaseProvider provider)
    {
        var assembly = provider == DatabaseProvider.Sqlite
            ? typeof(Bangfu.Migrations.Sqlite.DesignTimeFactory).Assembly
            : typeof(Bangfu.Migrations.Postgres.DesignTimeFactory).Assembly;
        var migrations = assembly.GetTypes()
            .Where(t => t.GetCustomAttributes(typeof(MigrationAttribute), false).Length > 0)
            .Select(t => ((MigrationAttribute)t.GetCustomAttributes(typeof(MigrationAttribute), false)[0]).Id)
            .Order();
        var regions = Directory.GetFiles(Bangfu.Registry.Regions.RegionTreeLoader.VendoredDirectory)
            .Order().Select(f => new FileInfo(f).Length.ToString());
        var text = string.Join("|", migrations.Concat(regions));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12].ToLowerInvariant();
    }

    private static async Task<string> EnsureSqliteTemplateAsync(string key)
    {
        var dir = Path.Combine(Path.GetTempPath(), "bangfu-test-templates");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"sqlite-{key}.db");
        if (File.Exists(path)) return path;
        // Several test processes may start at once: one builds, the others wait on the lock file.
        await using var lockFile = await AcquireFileLockAsync(path + ".lock");
        if (File.Exists(path)) return path;
        var building = Path.Combine(dir, $"building-{Guid.NewGuid():N}");
        Directory.CreateDirectory(building);
        try
        {
            var file = Path.Combine(building, "bangfu.db");
            await InitialiseAsync(DatabaseProvider.Sqlite, $"Data Source={file}", building);
            SqliteConnection.ClearAllPools();
            await using (var conn = new SqliteConnection($"Data Source={file}"))
            {
                await conn.OpenAsync();
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;";
                await cmd.ExecuteNonQueryAsync();
            }
            SqliteConnection.ClearAllPools();
            File.Move(file, path);
            return path;
        }
        finally
        {
            Directory.Delete(building, true);
        }
    }

    private static async Task<string> EnsurePostgresTemplateAsync(string key)
    {
        var name = $"bangfu_tpl_{key}";
        await using var admin = new NpgsqlConnection(AdminConnectionString());
        await admin.OpenAsync();
        await using (var lockCmd = new NpgsqlCommand("SELECT pg_advisory_lock(715517)", admin)) await lockCmd.ExecuteNonQueryAsync();
        try
        {
            await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n AND datistemplate", admin))
            {
                exists.Parameters.AddWithValue("n", name);
                if (await exists.ExecuteScalarAsync() is not null) return name;
            }
            await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin)) await drop.ExecuteNonQueryAsync();
            await using (var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin)) await create.ExecuteNonQueryAsync();
            var cs = new NpgsqlConnectionStringBuilder(AdminConnectionString()) { Database = name, Pooling = false }.ConnectionString;
            var dir = Path.Combine(Path.GetTempPath(), "bangfu-test-templates", "pg-" + key);
            Directory.CreateDirectory(dir);
            await InitialiseAsync(DatabaseProvider.Postgres, cs, dir);
            NpgsqlConnection.ClearAllPools();
            await using (var mark = new NpgsqlCommand($"ALTER DATABASE {name} WITH is_template = true", admin)) await mark.ExecuteNonQueryAsync();
            return name;
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(715517)", admin);
            await unlock.ExecuteNonQueryAsync();
        }
    }

    private static async Task InitialiseAsync(DatabaseProvider provider, string connectionString, string dataDirectory)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Bangfu"] = connectionString,
            ["Bangfu:DataDirectory"] = dataDirectory,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddBangfu(configuration);
        await using var sp = services.BuildServiceProvider();
        var stdout = Console.Error;
        Console.SetError(TextWriter.Null); // the first administrator's password is of no use here
        try
        {
            await sp.InitialiseBangfuAsync();
        }
        finally
        {
            Console.SetError(stdout);
        }
    }

    private static async Task<FileStream> AcquireFileLockAsync(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (attempt < 1200)
            {
                await Task.Delay(250);
            }
        }
    }
}

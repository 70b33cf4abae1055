using Npgsql;

namespace Bangfu.Bench;

/// <summary>
/// The PostgreSQL server the benchmarks use, from a connection string of a role that may create databases
/// (<c>--pg</c>, or <c>BANGFU_BENCH_POSTGRES</c>). Every run works in databases of its own, named <c>bangfu_bench_*</c>.
/// </summary>
public sealed class PostgresServer(string connectionString)
{
    private readonly NpgsqlConnectionStringBuilder admin = new(connectionString) { Pooling = false };

    public static PostgresServer From(string? option) =>
        new(option ?? Environment.GetEnvironmentVariable("BANGFU_BENCH_POSTGRES")
            ?? throw new BenchException("PostgreSQL benchmarks need --pg CONNSTRING (or BANGFU_BENCH_POSTGRES), e.g. \"Host=127.0.0.1;Port=5432;Username=postgres\"."));

    public string ConnectionStringFor(string database, bool pooling = false) =>
        new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = database, Pooling = pooling }.ConnectionString;

    public BangfuDatabase Bangfu(string database, string dataDirectory) => new("Postgres", ConnectionStringFor(database), dataDirectory);

    public static string NewName(string kind) => $"bangfu_bench_{kind}_{Guid.NewGuid().ToString("N")[..10]}";

    public async Task CreateDatabaseAsync(string name) => await ExecuteAsync(admin.Database ?? "postgres", $"CREATE DATABASE {name}");

    public async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(admin.Database ?? "postgres", $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    public async Task<bool> DatabaseExistsAsync(string name)
    {
        await using var conn = new NpgsqlConnection(admin.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", conn);
        cmd.Parameters.AddWithValue("n", name);
        return await cmd.ExecuteScalarAsync() is not null;
    }

    public async Task ExecuteAsync(string database, string sql, int timeoutSeconds = 0)
    {
        await using var conn = new NpgsqlConnection(ConnectionStringFor(database));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = timeoutSeconds };
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string database, string sql)
    {
        await using var conn = new NpgsqlConnection(ConnectionStringFor(database));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>Writes dirty pages out so one run's checkpoint does not land in the next run's time.</summary>
    public Task CheckpointAsync() => ExecuteAsync(admin.Database ?? "postgres", "CHECKPOINT");

    /// <summary>psql's arguments and environment for a database of this server.</summary>
    public (string[] Arguments, Dictionary<string, string> Environment) Psql(string database)
    {
        var args = new List<string> { "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database };
        if (admin.Host is { } host) args.AddRange(["-h", host]);
        args.AddRange(["-p", admin.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        if (admin.Username is { } user) args.AddRange(["-U", user]);
        var env = new Dictionary<string, string>();
        if (admin.Password is { } password) env["PGPASSWORD"] = password;
        return (args.ToArray(), env);
    }
}

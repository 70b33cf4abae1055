using Microsoft.Extensions.Configuration;

namespace Bangfu.Platform.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where Bangfu keeps its data, read from standard .NET configuration:
/// <c>Database:Provider</c> (<c>Sqlite</c>, the default, or <c>Postgres</c>),
/// <c>ConnectionStrings:Bangfu</c>, and <c>Bangfu:DataDirectory</c> (default: <c>data/</c> at the root of the
/// checkout, or beside the program when it runs outside one). The SQLite file, the personal-data key file,
/// uploads and logs live in the data directory.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string DataDirectory)
{
    public const string SqliteFileName = "bangfu.db";

    public static DatabaseSettings From(IConfiguration configuration)
    {
        var dataDirectory = ResolveDataDirectory(configuration["Bangfu:DataDirectory"]);
        var providerText = configuration["Database:Provider"];
        DatabaseProvider provider;
        if (string.IsNullOrWhiteSpace(providerText)) provider = DatabaseProvider.Sqlite;
        else if (!Enum.TryParse(providerText.Trim(), ignoreCase: true, out provider) || !Enum.IsDefined(provider))
        {
            // PostgreSQL is also commonly written "PostgreSQL" or "Npgsql".
            provider = providerText.Trim().ToLowerInvariant() switch
            {
                "postgresql" or "npgsql" or "pg" => DatabaseProvider.Postgres,
                _ => throw new InvalidOperationException(
                    $"配置 Database:Provider 的值“{providerText}”无效，只能是 Sqlite 或 Postgres。"),
            };
        }

        var connectionString = configuration.GetConnectionString("Bangfu");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
                throw new InvalidOperationException(
                    "使用 PostgreSQL 时必须配置连接字符串 ConnectionStrings:Bangfu（环境变量 ConnectionStrings__Bangfu）。");
            connectionString = $"Data Source={Path.Combine(dataDirectory, SqliteFileName)}";
        }
        return new DatabaseSettings(provider, connectionString, dataDirectory);
    }

    /// <summary>
    /// The configured directory, or <c>data/</c> under the nearest ancestor of the working directory that holds
    /// <c>Bangfu.slnx</c> (so the web host and the CLI, started with <c>dotnet run --project</c> from anywhere in the
    /// checkout, share one database), or <c>data/</c> under the working directory.
    /// </summary>
    public static string ResolveDataDirectory(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Bangfu.slnx")))
                    return Path.Combine(dir.FullName, "data");
            }
        }
        return Path.Combine(Directory.GetCurrentDirectory(), "data");
    }
}

using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Bangfu.Platform.Data;

/// <summary>
/// Plain SQL on the bulk paths, where EF Core change tracking has no place: parameters are named <c>@name</c> and
/// converted to each provider's storage form (see <see cref="BulkCopy.ToSqlite"/>).
/// </summary>
public static class SqlCommands
{
    public static async Task<int> ExecuteAsync(this DbConnection connection, DbTransaction? transaction, string sql,
        CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = Create(connection, transaction, sql, parameters);
        return await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<T?> ScalarAsync<T>(this DbConnection connection, DbTransaction? transaction, string sql,
        CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = Create(connection, transaction, sql, parameters);
        var value = await cmd.ExecuteScalarAsync(cancellationToken);
        if (value is null or DBNull) return default;
        return (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a query and hands each row to <paramref name="read"/>.</summary>
    public static async Task ReadAsync(this DbConnection connection, DbTransaction? transaction, string sql,
        Action<DbDataReader> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = Create(connection, transaction, sql, parameters);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) read(reader);
    }

    /// <summary>A <see cref="Guid"/> column as stored by either provider (16 bytes on SQLite, uuid on PostgreSQL).</summary>
    public static Guid GetGuidValue(this DbDataReader reader, int ordinal) =>
        reader.GetValue(ordinal) switch
        {
            Guid g => g,
            byte[] b => new Guid(b, bigEndian: true),
            string s => Guid.Parse(s),
            var other => throw new InvalidCastException(other.GetType().Name),
        };

    public static DbCommand Create(DbConnection connection, DbTransaction? transaction, string sql, (string Name, object? Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        var sqlite = connection is SqliteConnection;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = sqlite ? BulkCopy.ToSqlite(value) : value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }
}

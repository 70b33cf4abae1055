using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Bangfu.Platform.Data;

/// <summary>
/// Inserts many rows into one table without EF Core change tracking: on SQLite one prepared INSERT reused for
/// every row; on PostgreSQL binary <c>COPY ... FROM STDIN</c>. Runs on the caller's connection and transaction,
/// so it is as atomic as the surrounding work.
/// <para>Values: <see cref="string"/>, <see cref="int"/>, <see cref="long"/>, <see cref="short"/>, <see cref="bool"/>,
/// <see cref="byte"/>[], <see cref="Guid"/>, <see cref="DateOnly"/>, <see cref="DateTimeOffset"/> or null. On SQLite a
/// <see cref="Guid"/> is written as its 16 bytes, matching the model's convention.</para>
/// </summary>
public static class BulkCopy
{
    /// <returns>The number of rows written.</returns>
    public static async Task<long> InsertAsync(DbConnection connection, DbTransaction? transaction, string table,
        IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken = default)
    {
        return connection switch
        {
            SqliteConnection sqlite => InsertSqlite(sqlite, (SqliteTransaction?)transaction, table, columns, rows, cancellationToken),
            NpgsqlConnection npgsql => await CopyPostgresAsync(npgsql, table, columns, rows, cancellationToken),
            _ => throw new NotSupportedException(connection.GetType().Name),
        };
    }

    private static long InsertSqlite(SqliteConnection connection, SqliteTransaction? transaction, string table,
        IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var parameters = new SqliteParameter[columns.Count];
        for (var i = 0; i < parameters.Length; i++)
            parameters[i] = command.Parameters.Add(new SqliteParameter("$p" + i, null));
        command.Prepare();
        long count = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++) parameters[i].Value = ToSqlite(row[i]);
            command.ExecuteNonQuery();
            if ((++count & 0xFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
        }
        return count;
    }

    /// <summary>The SQLite storage form of a value, as the model's conventions store it: Guid as 16 bytes, dates as
    /// ISO text, instants as UTC ticks, booleans as 0/1.</summary>
    public static object ToSqlite(object? value) => value switch
    {
        null => DBNull.Value,
        Guid g => g.ToByteArray(),
        DateOnly d => d.ToString("yyyy-MM-dd"),
        DateTimeOffset t => t.UtcTicks,
        bool b => b ? 1 : 0,
        _ => value,
    };

    private static async Task<long> CopyPostgresAsync(NpgsqlConnection connection, string table,
        IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var value in row)
            {
                switch (value)
                {
                    case null: await importer.WriteNullAsync(cancellationToken); break;
                    case string s: await importer.WriteAsync(s, cancellationToken); break;
                    case int i: await importer.WriteAsync(i, cancellationToken); break;
                    case long l: await importer.WriteAsync(l, cancellationToken); break;
                    case short sh: await importer.WriteAsync(sh, cancellationToken); break;
                    case bool b: await importer.WriteAsync(b, cancellationToken); break;
                    case byte[] bytes: await importer.WriteAsync(bytes, cancellationToken); break;
                    case Guid g: await importer.WriteAsync(g, cancellationToken); break;
                    case DateOnly d: await importer.WriteAsync(d, cancellationToken); break;
                    case DateTimeOffset t: await importer.WriteAsync(t.UtcDateTime, NpgsqlTypes.NpgsqlDbType.TimestampTz, cancellationToken); break;
                    default: throw new NotSupportedException(value.GetType().Name);
                }
            }
        }
        return (long)await importer.CompleteAsync(cancellationToken);
    }
}

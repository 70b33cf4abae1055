using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using SQLitePCL;

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

    // The raw SQLite API binds by position; Microsoft.Data.Sqlite would look each parameter up by name on every row,
    // which costs more than the insert itself on wide rows.
    private static long InsertSqlite(SqliteConnection connection, SqliteTransaction? transaction, string table,
        IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        _ = transaction; // the statement runs on the connection, inside its open transaction
        var db = connection.Handle ?? throw new InvalidOperationException("连接未打开");
        var sql = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(_ => "?"))})";
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        using (statement)
        {
            long count = 0;
            foreach (var row in rows)
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    var index = i + 1;
                    var rc = row[i] switch
                    {
                        null => raw.sqlite3_bind_null(statement, index),
                        string text => raw.sqlite3_bind_text(statement, index, text),
                        int n => raw.sqlite3_bind_int64(statement, index, n),
                        long n => raw.sqlite3_bind_int64(statement, index, n),
                        short n => raw.sqlite3_bind_int64(statement, index, n),
                        bool b => raw.sqlite3_bind_int64(statement, index, b ? 1 : 0),
                        byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
                        var other => ToSqlite(other) switch
                        {
                            byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
                            string text => raw.sqlite3_bind_text(statement, index, text),
                            long n => raw.sqlite3_bind_int64(statement, index, n),
                            var v => throw new NotSupportedException(v.GetType().Name),
                        },
                    };
                    Check(db, rc);
                }
                var step = raw.sqlite3_step(statement);
                if (step != raw.SQLITE_DONE) Check(db, step);
                raw.sqlite3_reset(statement);
                if ((++count & 0xFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            }
            return count;
        }
    }

    private static void Check(sqlite3 db, int rc)
    {
        if (rc is raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW) return;
        throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(db));
    }

    /// <summary>The SQLite storage form of a value, as the model's conventions store it: Guid as 16 big-endian bytes, dates as
    /// ISO text, instants as UTC ticks, booleans as 0/1.</summary>
    public static object ToSqlite(object? value) => value switch
    {
        null => DBNull.Value,
        Guid g => g.ToByteArray(bigEndian: true),
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

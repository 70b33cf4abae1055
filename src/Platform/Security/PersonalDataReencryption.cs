using System.Data.Common;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Platform.Security;

/// <summary>
/// A column of ciphertexts written by <see cref="PersonalDataProtector"/>, declared by the module that owns the table
/// (<c>AddEncryptedColumn</c>), with the columns of the table's key in order (for keyset paging).
/// </summary>
public sealed record EncryptedColumn(string Table, string Column, IReadOnlyList<string> Key)
{
    public override string ToString() => $"{Table}.{Column}";
}

/// <summary>How far re-encryption has come: values of one column done out of those found under older keys.</summary>
public sealed record ReencryptionProgress(EncryptedColumn Column, long Done, long Total);

/// <summary>
/// Re-encrypts personal identifiers still under an older key with the active key, after a key rotation
/// (GB/T 22239-2019 8.1.4.8: confidentiality of important personal information in storage; keys replaced without
/// taking the service down). Batches of <see cref="BatchSize"/> rows, each in its own short transaction, so the
/// application keeps serving while it runs; a value is only replaced if it is still the one read, so a value the
/// application rewrote meanwhile is left alone. Running it again does only what is left: it is idempotent.
/// <para>Only the ciphertext changes: the plaintext, the lookup hash and the record's version stay as they are.</para>
/// </summary>
public sealed class PersonalDataReencryption(
    IServiceScopeFactory scopes, PersonalDataProtector protector, IEnumerable<EncryptedColumn> columns, DatabaseSettings settings, AuditTrail audit)
{
    public const int BatchSize = 1000;

    public IReadOnlyList<EncryptedColumn> Columns { get; } = columns.ToList();

    /// <summary>Per column, how many values are under a key other than the active one.</summary>
    public async Task<IReadOnlyList<(EncryptedColumn Column, long Count)>> CountAsync(CancellationToken ct)
    {
        var result = new List<(EncryptedColumn, long)>();
        await using var scope = scopes.CreateAsyncScope();
        var connection = await OpenAsync(scope, ct);
        foreach (var column in Columns)
            result.Add((column, await connection.ScalarAsync<long>(null,
                $"SELECT count(*) FROM {column.Table} WHERE {column.Column} IS NOT NULL AND {NotActive(column)}", ct, ActiveKey())));
        return result;
    }

    /// <summary>Re-encrypts every value under an older key; returns how many were re-encrypted.</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">A value's key is not in the ring.</exception>
    public async Task<long> ReencryptAsync(IProgress<ReencryptionProgress>? progress, CancellationToken ct)
    {
        var counts = await CountAsync(ct);
        long total = 0;
        foreach (var (column, count) in counts)
        {
            if (count == 0) continue;
            object?[]? after = null;
            long done = 0;
            while (true)
            {
                var (rows, last) = await BatchAsync(column, after, ct);
                if (last is null) break;
                (after, done) = (last, done + rows);
                progress?.Report(new ReencryptionProgress(column, done, Math.Max(done, count)));
            }
            total += done;
        }
        await audit.RecordAsync(new AuditEntry(AuditCategories.Security, AuditEvents.KeyReencrypt,
            Details: new { activeKeyId = protector.ActiveKeyId, reencrypted = total, columns = counts.ToDictionary(c => c.Column.ToString(), c => c.Count) }), ct);
        return total;
    }

    // One batch in its own transaction: returns the rows re-encrypted and the key of the last row read (null: none left).
    private async Task<(int Rows, object?[]? Last)> BatchAsync(EncryptedColumn column, object?[]? after, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var connection = await OpenAsync(scope, ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var key = column.Key;
        var parameters = new List<(string, object?)> { ActiveKey() };
        var where = $"{column.Column} IS NOT NULL AND {NotActive(column)}";
        if (after is not null)
        {
            where += " AND " + After(key, parameters, after);
        }
        var rows = new List<(object?[] Key, byte[] Cipher)>();
        await connection.ReadAsync(tx, $"SELECT {string.Join(", ", key)}, {column.Column} FROM {column.Table} WHERE {where} " +
                                       $"ORDER BY {string.Join(", ", key)} LIMIT {BatchSize}", r =>
        {
            var values = new object?[key.Count];
            for (var i = 0; i < key.Count; i++) values[i] = r.GetValue(i);
            rows.Add((values, (byte[])r.GetValue(key.Count)));
        }, ct, parameters.ToArray());
        if (rows.Count == 0) return (0, null);

        var match = string.Join(" AND ", key.Select((k, i) => $"{k} = @k{i}"));
        var sql = $"UPDATE {column.Table} SET {column.Column} = @new WHERE {match} AND {column.Column} = @old";
        var updated = 0;
        foreach (var (values, cipher) in rows)
        {
            var p = values.Select((v, i) => ($"@k{i}", v)).Append(("@new", (object?)protector.Encrypt(protector.Decrypt(cipher))))
                .Append(("@old", cipher)).ToArray();
            updated += await connection.ExecuteAsync(tx, sql, ct, p);
        }
        await tx.CommitAsync(ct);
        return (updated, rows[^1].Key);
    }

    // (k0, k1, ...) > (@a0, @a1, ...) written out, so both databases use the primary key's index.
    private static string After(IReadOnlyList<string> key, List<(string, object?)> parameters, object?[] after)
    {
        for (var i = 0; i < key.Count; i++) parameters.Add(($"@a{i}", after[i]));
        var terms = new List<string>();
        for (var i = 0; i < key.Count; i++)
            terms.Add("(" + string.Join(" AND ", key.Take(i).Select((k, j) => $"{k} = @a{j}").Append($"{key[i]} > @a{i}")) + ")");
        return "(" + string.Join(" OR ", terms) + ")";
    }

    // The first byte of a ciphertext is its key id.
    private string NotActive(EncryptedColumn column) => settings.Provider == DatabaseProvider.Postgres
        ? $"get_byte({column.Column}, 0) <> @active"
        : $"substr({column.Column}, 1, 1) <> @active";

    private (string, object?) ActiveKey() => settings.Provider == DatabaseProvider.Postgres
        ? ("@active", (int)protector.ActiveKeyId)
        : ("@active", new[] { protector.ActiveKeyId });

    private static async Task<DbConnection> OpenAsync(AsyncServiceScope scope, CancellationToken ct)
    {
        var connection = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(ct);
        return connection;
    }
}

namespace Bangfu.Platform.Data;

/// <summary>The few SQL differences between SQLite and PostgreSQL on the bulk paths.</summary>
public sealed class SqlDialect(DatabaseProvider provider)
{
    public DatabaseProvider Provider => provider;

    /// <summary>An expression yielding a new random id (16 random bytes on SQLite, a v4 uuid on PostgreSQL).</summary>
    public string NewId => provider == DatabaseProvider.Postgres ? "gen_random_uuid()" : "randomblob(16)";

    /// <summary><c>CREATE TEMP TABLE name AS query</c>, dropped with the transaction on PostgreSQL and first dropped if a
    /// pooled SQLite connection still holds one of that name.</summary>
    public string CreateTempTableAs(string name, string query) => provider == DatabaseProvider.Postgres
        ? $"DROP TABLE IF EXISTS pg_temp.{name}; CREATE TEMP TABLE {name} ON COMMIT DROP AS {query}"
        : $"DROP TABLE IF EXISTS temp.{name}; CREATE TEMP TABLE {name} AS {query}";

    /// <summary>A binary expression as hexadecimal text (to compare or aggregate hashes where binary values cannot be).</summary>
    public string Hex(string expression) => provider == DatabaseProvider.Postgres
        ? $"encode({expression}, 'hex')"
        : $"CASE WHEN {expression} IS NULL THEN NULL ELSE hex({expression}) END"; // SQLite's hex(NULL) is ''


    public string DropTempTable(string name) => provider == DatabaseProvider.Postgres
        ? $"DROP TABLE IF EXISTS pg_temp.{name}"
        : $"DROP TABLE IF EXISTS temp.{name}";
}

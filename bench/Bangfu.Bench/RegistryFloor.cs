using System.Globalization;
using System.Text;

namespace Bangfu.Bench;

/// <summary>
/// The floor under an import: the raw database tool writing exactly the rows a Bangfu import wrote (households, people,
/// dated memberships, employment situations) into a freshly initialised Bangfu database, with the real schema (its
/// indexes, keys and foreign keys) and in one transaction, as the import does. No parsing, checking, encryption or
/// classification is left in it, so no import that writes these tables can be faster on the same machine.
/// </summary>
public static class RegistryFloor
{
    /// <summary>The tables a first import of a roster fills, parents first.</summary>
    public static readonly string[] Tables = ["reg_household", "reg_person", "reg_household_membership", "emp_situation"];

    /// <summary>
    /// <c>sqlite3</c> copying the tables from <paramref name="imported"/> into <paramref name="fresh"/> (both Bangfu data
    /// directories), with foreign keys enforced and the page cache the import sets (16 MB), as on Bangfu's own connection.
    /// </summary>
    public static async Task<TimeSpan> SqliteAsync(string sqlite3, BangfuDatabase imported, BangfuDatabase fresh, string dir)
    {
        var script = new StringBuilder()
            .AppendLine("PRAGMA foreign_keys = ON;")
            .AppendLine("PRAGMA cache_size = -16384;")
            .AppendLine(CultureInfo.InvariantCulture, $"ATTACH '{DatabaseFile(imported).Replace("'", "''", StringComparison.Ordinal)}' AS imported;")
            .AppendLine("BEGIN;");
        foreach (var table in Tables) script.AppendLine(CultureInfo.InvariantCulture, $"INSERT INTO main.{table} SELECT * FROM imported.{table};");
        script.AppendLine("COMMIT;");
        var file = Path.Combine(dir, "floor.sql");
        await File.WriteAllTextAsync(file, script.ToString());
        var run = await ChildProcess.RunCheckedAsync("sqlite3 (floor)", sqlite3, [DatabaseFile(fresh), $".read \"{file}\""]);
        async Task<string> People(BangfuDatabase d) =>
            (await ChildProcess.RunCheckedAsync("sqlite3 count", sqlite3, [DatabaseFile(d), "SELECT count(*) FROM reg_person"])).Output.Trim();
        if (await People(fresh) != await People(imported)) throw new BenchException("sqlite3 did not copy every person of the import.");
        Workspace.Log($"sqlite3 writing the imported rows into a fresh Bangfu database: {Measurement.Seconds(run.Elapsed)}");
        return run.Elapsed;
    }

    /// <summary>
    /// <c>psql \copy</c> of the tables of <paramref name="importedDb"/>, exported to CSV files in <paramref name="dir"/>
    /// first (not timed; the caller deletes the directory), into <paramref name="freshDb"/>, in one transaction.
    /// </summary>
    public static async Task<TimeSpan> PostgresAsync(PostgresServer server, string importedDb, string freshDb, string dir)
    {
        var psql = Workspace.Tool("psql");
        var (exportArgs, env) = server.Psql(importedDb);
        var script = new StringBuilder().AppendLine("BEGIN;");
        foreach (var table in Tables)
        {
            var csv = Path.Combine(dir, table + ".csv").Replace("'", "''", StringComparison.Ordinal);
            await ChildProcess.RunCheckedAsync($"psql export {table}", psql, [.. exportArgs, "-c", $"\\copy {table} TO '{csv}' CSV"], env);
            script.AppendLine(CultureInfo.InvariantCulture, $"\\copy {table} FROM '{csv}' CSV");
        }
        script.AppendLine("COMMIT;");
        var file = Path.Combine(dir, "floor.sql");
        await File.WriteAllTextAsync(file, script.ToString());
        await server.CheckpointAsync();
        var (args, _) = server.Psql(freshDb);
        var run = await ChildProcess.RunCheckedAsync("psql \\copy (floor)", psql, [.. args, "-f", file], env);
        const string people = "SELECT count(*) FROM reg_person";
        if (await server.ScalarAsync<long>(freshDb, people) != await server.ScalarAsync<long>(importedDb, people))
            throw new BenchException("psql \\copy did not load every person of the import.");
        Workspace.Log($"psql \\copy of the imported rows into a fresh Bangfu database: {Measurement.Seconds(run.Elapsed)}");
        return run.Elapsed;
    }

    /// <summary>The sentence of a result's note: the floor, as a ratio to the baseline, and Bangfu against it.</summary>
    public static string Note(string tool, TimeSpan floor, TimeSpan baseline, TimeSpan bangfu) => string.Create(CultureInfo.InvariantCulture,
        $"{tool} writing the rows the import wrote (households, people, memberships, situations) into a fresh Bangfu database: " +
        $"{Measurement.Seconds(floor)} ({floor / baseline:F2}× the baseline; bangfu {bangfu / floor:F2}× that)");

    private static string DatabaseFile(BangfuDatabase database) => Path.Combine(database.DataDirectory, "bangfu.db");
}

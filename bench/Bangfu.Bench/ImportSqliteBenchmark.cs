using System.Globalization;

namespace Bangfu.Bench;

/// <summary>
/// <c>import-sqlite</c>: the same CSV loaded by <c>sqlite3 .import</c> into a fresh file, and imported by
/// <c>bangfu import roster</c> into a fresh, already initialised SQLite database.
/// <para>The baseline is the floor for getting the text into SQLite at all: one untyped table, no index, no checks.
/// Bangfu parses and checks every cell, encrypts and hashes ID numbers and phones, and writes people, households,
/// memberships and employment situations with their indexes, in one transaction. For scale, the note of the result
/// also gives <c>sqlite3 .import</c> into a table of the 47 columns indexed like <c>reg_person</c> (the table the
/// PostgreSQL benchmark's COPY loads), and Bangfu's time against that, and the floor (<see cref="RegistryFloor"/>):
/// sqlite3 writing the very rows the import wrote into a fresh Bangfu database.</para>
/// </summary>
public sealed class ImportSqliteBenchmark(Workspace workspace, BangfuCli cli, Rosters rosters)
{
    public const double RatioGoal = 2.0;
    public const long RssGoal = 256L * 1024 * 1024;

    public async Task<Measurement> RunAsync(long rows, int seed, int repeat)
    {
        var csv = await rosters.GetAsync(rows, seed, "csv");
        var sqlite3 = Workspace.Tool("sqlite3");
        var raw = new List<TimeSpan>();
        var indexed = new List<TimeSpan>();
        var bangfu = new List<TimeSpan>();
        var floor = new List<TimeSpan>();
        long peak = 0;
        for (var i = 0; i < repeat; i++)
        {
            var dir = workspace.NewRunDirectory("import-sqlite");
            try
            {
                var rawFile = Path.Combine(dir, "raw.db");
                var r = await ChildProcess.RunCheckedAsync("sqlite3 .import", sqlite3, [rawFile, "-cmd", ".mode csv", $".import \"{csv}\" roster"]);
                var count = await ChildProcess.RunCheckedAsync("sqlite3 count", sqlite3, [rawFile, "SELECT count(*) FROM roster"]);
                if (long.Parse(count.Output.Trim(), CultureInfo.InvariantCulture) != rows)
                    throw new BenchException($"sqlite3 .import loaded {count.Output.Trim()} rows, expected {rows:N0}.");
                raw.Add(r.Elapsed);
                Workspace.Log($"sqlite3 .import {rows:N0} rows: {Measurement.Seconds(r.Elapsed)}");
                File.Delete(rawFile);

                var schema = Path.Combine(dir, "indexed.sql");
                await File.WriteAllTextAsync(schema, ImportPostgresBenchmark.RawTableSql(csv, sqlite: true));
                var indexedFile = Path.Combine(dir, "indexed.db");
                var x = await ChildProcess.RunCheckedAsync("sqlite3 .import (indexed)", sqlite3,
                    [indexedFile, "-cmd", $".read \"{schema}\"", $".import --csv --skip 1 \"{csv}\" roster"]);
                var indexedCount = await ChildProcess.RunCheckedAsync("sqlite3 count", sqlite3, [indexedFile, "SELECT count(*) FROM roster"]);
                if (long.Parse(indexedCount.Output.Trim(), CultureInfo.InvariantCulture) != rows)
                    throw new BenchException($"sqlite3 .import into the indexed table loaded {indexedCount.Output.Trim()} rows, expected {rows:N0}.");
                indexed.Add(x.Elapsed);
                Workspace.Log($"sqlite3 .import {rows:N0} rows into a table indexed like reg_person: {Measurement.Seconds(x.Elapsed)}");
                File.Delete(indexedFile);

                var database = BangfuDatabase.Sqlite(Path.Combine(dir, "bangfu"));
                await cli.InitialiseAsync(database);
                var (run, outcome) = await cli.ImportAsync(csv, database);
                BangfuCli.Check(outcome, rows);
                bangfu.Add(run.Elapsed);
                peak = Math.Max(peak, run.PeakRssBytes ?? 0);
                Workspace.Log($"bangfu import roster (SQLite) {rows:N0} rows: {Measurement.Seconds(run.Elapsed)}, peak RSS {Measurement.Megabytes(run.PeakRssBytes)}");

                var fresh = BangfuDatabase.Sqlite(Path.Combine(dir, "floor"));
                await cli.InitialiseAsync(fresh);
                floor.Add(await RegistryFloor.SqliteAsync(sqlite3, database, fresh, dir));
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        var against = Measurement.Median(bangfu) / Measurement.Median(indexed);
        var note = $"sqlite3 .import into a table indexed like reg_person: {Measurement.Seconds(Measurement.Median(indexed))} " +
                   $"(bangfu {against.ToString("F2", CultureInfo.InvariantCulture)}× that); " +
                   RegistryFloor.Note("sqlite3", Measurement.Median(floor), Measurement.Median(raw), Measurement.Median(bangfu)) +
                   (repeat > 1 ? $"; median of {repeat} runs; sqlite3 {Measurement.Runs(raw)}; indexed {Measurement.Runs(indexed)}; bangfu {Measurement.Runs(bangfu)}" : "");
        return new Measurement("import-sqlite", $"{rows:N0} rows CSV", "sqlite3 .import", Measurement.Median(raw),
            "bangfu import roster", Measurement.Median(bangfu), RatioGoal, peak, RssGoal, note);
    }
}

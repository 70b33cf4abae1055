using System.Text;

namespace Bangfu.Bench;

/// <summary>
/// <c>import-postgres</c>: the same CSV loaded by <c>psql \copy</c> into a table of 47 text columns indexed like
/// <c>reg_person</c>, and imported by <c>bangfu import roster</c> into a fresh, initialised PostgreSQL database. The note
/// gives the floor (<see cref="RegistryFloor"/>): psql \copy of the very rows the import wrote into a fresh Bangfu database.
/// </summary>
public sealed class ImportPostgresBenchmark(Workspace workspace, BangfuCli cli, Rosters rosters, PostgresServer server)
{
    public const double RatioGoal = 1.5;
    public const long RssGoal = 256L * 1024 * 1024;

    public async Task<Measurement> RunAsync(long rows, int seed, int repeat)
    {
        var csv = await rosters.GetAsync(rows, seed, "csv");
        var psql = Workspace.Tool("psql");
        var raw = new List<TimeSpan>();
        var bangfu = new List<TimeSpan>();
        var floor = new List<TimeSpan>();
        long peak = 0;
        for (var i = 0; i < repeat; i++)
        {
            var rawDb = PostgresServer.NewName("raw");
            var bangfuDb = PostgresServer.NewName("import");
            var floorDb = PostgresServer.NewName("floor");
            var dir = workspace.NewRunDirectory("import-postgres");
            try
            {
                await server.CreateDatabaseAsync(rawDb);
                await server.ExecuteAsync(rawDb, RawTableSql(csv));
                await server.CheckpointAsync();
                var (args, env) = server.Psql(rawDb);
                var copy = await ChildProcess.RunCheckedAsync("psql \\copy", psql,
                    [.. args, "-c", $"\\copy roster FROM '{csv.Replace("'", "''", StringComparison.Ordinal)}' CSV HEADER"], env);
                var count = await server.ScalarAsync<long>(rawDb, "SELECT count(*) FROM roster");
                if (count != rows) throw new BenchException($"psql \\copy loaded {count:N0} rows, expected {rows:N0}.");
                raw.Add(copy.Elapsed);
                Workspace.Log($"psql \\copy {rows:N0} rows into an indexed table: {Measurement.Seconds(copy.Elapsed)}");
                await server.DropDatabaseAsync(rawDb);

                await server.CreateDatabaseAsync(bangfuDb);
                var database = server.Bangfu(bangfuDb, Path.Combine(dir, "bangfu"));
                await cli.InitialiseAsync(database);
                await server.CheckpointAsync();
                var (run, outcome) = await cli.ImportAsync(csv, database);
                BangfuCli.Check(outcome, rows);
                bangfu.Add(run.Elapsed);
                peak = Math.Max(peak, run.PeakRssBytes ?? 0);
                Workspace.Log($"bangfu import roster (PostgreSQL) {rows:N0} rows: {Measurement.Seconds(run.Elapsed)}, peak RSS {Measurement.Megabytes(run.PeakRssBytes)}");

                await server.CreateDatabaseAsync(floorDb);
                await cli.InitialiseAsync(server.Bangfu(floorDb, Path.Combine(dir, "floor")));
                floor.Add(await RegistryFloor.PostgresAsync(server, bangfuDb, floorDb, dir));
            }
            finally
            {
                await server.DropDatabaseAsync(rawDb);
                await server.DropDatabaseAsync(bangfuDb);
                await server.DropDatabaseAsync(floorDb);
                Directory.Delete(dir, recursive: true);
            }
        }
        return new Measurement("import-postgres", $"{rows:N0} rows CSV", "psql \\copy (indexed)", Measurement.Median(raw),
            "bangfu import roster", Measurement.Median(bangfu), RatioGoal, peak, RssGoal,
            RegistryFloor.Note("psql \\copy", Measurement.Median(floor), Measurement.Median(raw), Measurement.Median(bangfu)) +
            (repeat > 1 ? $"; median of {repeat} runs; psql {Measurement.Runs(raw)}; bangfu {Measurement.Runs(bangfu)}" : ""));
    }

    /// <summary>
    /// The 47 columns of the file's header as text, and one index for each of <c>reg_person</c>'s (see the Initial
    /// migration): PK (county_code, id) → (县, 人口编号); unique (county_code, id_number_hash) → unique (县, 证件号码);
    /// (id_number_hash) → (证件号码); (region_code, household_id) → (村, 户编号); (county_code, household_id) →
    /// (县, 户编号); (person_number) → (人口编号). Created before the load, so COPY maintains them as the import does.
    /// </summary>
    public static string RawTableSql(string csv, bool sqlite = false)
    {
        string header;
        using (var reader = new StreamReader(csv, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
            header = reader.ReadLine() ?? throw new BenchException($"{csv} is empty.");
        var columns = header.TrimStart('\uFEFF').Split(',');
        foreach (var needed in new[] { "县", "村", "户编号", "人口编号", "证件号码" })
        {
            if (!columns.Contains(needed)) throw new BenchException($"the roster has no column {needed}.");
        }
        var sql = new StringBuilder();
        sql.Append("CREATE TABLE roster (");
        sql.AppendJoin(", ", columns.Select(c => $"\"{c.Replace("\"", "\"\"", StringComparison.Ordinal)}\" text"));
        sql.AppendLine(", PRIMARY KEY (\"县\", \"人口编号\"), UNIQUE (\"县\", \"证件号码\"));");
        // SQLite wants index names; PostgreSQL makes them up.
        string Index(int i) => sqlite ? $"CREATE INDEX roster_ix{i} ON" : "CREATE INDEX ON";
        sql.AppendLine($"{Index(1)} roster (\"证件号码\");");
        sql.AppendLine($"{Index(2)} roster (\"村\", \"户编号\");");
        sql.AppendLine($"{Index(3)} roster (\"县\", \"户编号\");");
        sql.AppendLine($"{Index(4)} roster (\"人口编号\");");
        return sql.ToString();
    }
}

namespace Bangfu.Bench;

/// <summary>The benchmarks by name, wired to one workspace.</summary>
public sealed class Benchmarks(Workspace workspace)
{
    private readonly BangfuCli cli = new(workspace);
    private Rosters Rosters => new(workspace, cli);

    public async Task<IReadOnlyList<Measurement>> ImportSqlite(long rows, int seed, int repeat) =>
        [await new ImportSqliteBenchmark(workspace, cli, Rosters).RunAsync(rows, seed, repeat)];

    public async Task<IReadOnlyList<Measurement>> ImportPostgres(long rows, int seed, int repeat, string? pg) =>
        [await new ImportPostgresBenchmark(workspace, cli, Rosters, PostgresServer.From(pg)).RunAsync(rows, seed, repeat)];

    public async Task<IReadOnlyList<Measurement>> Xlsx(long rows, int seed, int repeat) =>
        [await new XlsxBenchmark(workspace, cli, Rosters).RunAsync(rows, seed, repeat)];

    public Task<IReadOnlyList<Measurement>> Match(int people, int vacancies, int k, int singles, int runs, int seed) =>
        new MatchBenchmark(workspace).RunAsync(people, vacancies, k, singles, runs, seed);

    public async Task<IReadOnlyList<Measurement>> Report(long persons, int runs, string? pg, bool showSql)
    {
        var server = PostgresServer.From(pg);
        return await new ReportPostgresBenchmark(server, new ProvincePopulation(server, cli, workspace)).RunAsync(persons, runs, showSql);
    }

    /// <summary>
    /// Each benchmark in turn; the PostgreSQL ones need a server (<c>--pg</c> or <c>BANGFU_BENCH_POSTGRES</c>). One that
    /// cannot run is reported and skipped, so an hour of imports is not lost to a missing server at the end.
    /// </summary>
    public async Task<IReadOnlyList<Measurement>> All(long rows, int seed, int repeat, long persons, int runs, string? pg)
    {
        var results = new List<Measurement>();
        var failed = new List<string>();
        async Task Run(string name, Func<Task<IReadOnlyList<Measurement>>> benchmark)
        {
            try
            {
                results.AddRange(await benchmark());
            }
            catch (BenchException e)
            {
                Workspace.Log($"{name} skipped: {e.Message}");
                failed.Add(name);
            }
        }
        await Run("import-sqlite", () => ImportSqlite(rows, seed, repeat));
        await Run("import-postgres", () => ImportPostgres(rows, seed, repeat, pg));
        await Run("xlsx", () => Xlsx(rows, seed, repeat));
        await Run("report-postgres", () => Report(persons, runs, pg, showSql: false));
        if (results.Count == 0) throw new BenchException($"every benchmark failed: {string.Join(", ", failed)}.");
        if (failed.Count > 0) Workspace.Log($"not measured: {string.Join(", ", failed)}");
        return results;
    }
}

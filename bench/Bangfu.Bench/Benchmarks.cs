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

    public async Task<IReadOnlyList<Measurement>> Report(long persons, int runs, string? pg, bool showSql)
    {
        var server = PostgresServer.From(pg);
        return await new ReportPostgresBenchmark(server, new ProvincePopulation(server, cli, workspace)).RunAsync(persons, runs, showSql);
    }

    /// <summary>Each benchmark in turn; the PostgreSQL ones need a server (<c>--pg</c> or <c>BANGFU_BENCH_POSTGRES</c>).</summary>
    public async Task<IReadOnlyList<Measurement>> All(long rows, int seed, int repeat, long persons, int runs, string? pg)
    {
        var results = new List<Measurement>();
        results.AddRange(await ImportSqlite(rows, seed, repeat));
        results.AddRange(await ImportPostgres(rows, seed, repeat, pg));
        results.AddRange(await Xlsx(rows, seed, repeat));
        results.AddRange(await Report(persons, runs, pg, showSql: false));
        return results;
    }
}

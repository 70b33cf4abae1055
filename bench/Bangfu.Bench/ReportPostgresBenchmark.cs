using System.Diagnostics;
using System.Globalization;
using Bangfu.Employment.Services;
using Bangfu.Hosting;
using Bangfu.Platform.Scope;
using Bangfu.Platform.Time;
using Bangfu.Reporting.MonthlyDispatch;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Bangfu.Bench;

/// <summary>
/// <c>report-postgres</c>: the monthly dispatch of Hunan (region 43) for 2021-12 over a province of N persons, as a
/// hand-written GROUP BY sent with Npgsql, and as <see cref="MonthlyDispatchService.GetAsync"/> in this process (a new DI
/// scope per call, as a web request has, with nationwide scope). Both run in the same process against the same database,
/// alternately, after one untimed warm-up each; the figures are medians.
/// </summary>
public sealed class ReportPostgresBenchmark(PostgresServer server, ProvincePopulation population)
{
    public const double RatioGoal = 1.2;

    private const string Prefix = "43";

    /// <summary>The figures of the dispatch at village level, written by hand against the table.</summary>
    public static string RawSql(int period) => string.Create(CultureInfo.InvariantCulture, $"""
        SELECT region_code,
               count(*) AS persons,
               count(DISTINCT household_id) AS households,
               sum(CASE WHEN in_labour_force THEN 1 ELSE 0 END) AS labour_force,
               sum(CASE WHEN employed THEN 1 ELSE 0 END) AS employed,
               sum(CASE WHEN employed AND workplace = 1 THEN 1 ELSE 0 END) AS employed_outside_province,
               sum(CASE WHEN employed AND workplace = 2 THEN 1 ELSE 0 END) AS employed_in_province_outside_county,
               sum(CASE WHEN employed AND workplace = 3 THEN 1 ELSE 0 END) AS employed_in_county,
               sum(CASE WHEN workshop THEN 1 ELSE 0 END) AS workshop_workers,
               sum(CASE WHEN public_welfare_job THEN 1 ELSE 0 END) AS public_welfare_jobs,
               sum(CASE WHEN in_labour_force AND NOT employed AND NOT public_welfare_job THEN 1 ELSE 0 END) AS able_not_employed,
               sum(CASE WHEN returned_on BETWEEN make_date({period / 100}, {period % 100}, 1)
                             AND (make_date({period / 100}, {period % 100}, 1) + interval '1 month' - interval '1 day')::date
                        THEN 1 ELSE 0 END) AS returned_this_month
        FROM emp_situation
        WHERE region_code LIKE '{Prefix}%' AND from_period <= {period} AND (to_period IS NULL OR to_period > {period})
        GROUP BY region_code
        """);

    public async Task<IReadOnlyList<Measurement>> RunAsync(long persons, int runs, bool showSql)
    {
        var name = await population.EnsureAsync(persons);
        var connectionString = server.ConnectionStringFor(name, pooling: true);
        var period = new Period(2021, 12);

        await using var services = BuildServices(connectionString, population.DataDirectory(persons), showSql);
        await services.InitialiseBangfuAsync(); // migrations and seed data are in place already: a no-op check

        await server.CheckpointAsync();
        var rawFigures = await RawAsync(connectionString, 202112);
        var report = await ServiceAsync(services, period);
        Compare(rawFigures, report.Total.Figures);
        Workspace.Log($"warm-up done; {rawFigures.Villages:N0} villages, {report.Total.Figures.Persons:N0} persons covering 2021-12");

        var raw = new List<TimeSpan>();
        var rawBoth = new List<TimeSpan>();
        var bangfu = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await RawAsync(connectionString, 202112);
            raw.Add(clock.Elapsed);
            await RawAsync(connectionString, 202012);
            rawBoth.Add(clock.Elapsed);

            clock.Restart();
            await ServiceAsync(services, period);
            bangfu.Add(clock.Elapsed);
            Workspace.Log($"run {i + 1}/{runs}: raw GROUP BY {Measurement.Seconds(raw[^1])} (with 2020-12 too: {Measurement.Seconds(rawBoth[^1])}), MonthlyDispatchService {Measurement.Seconds(bangfu[^1])}");
        }

        // The 311 coverage of the province (Ledger311Service.CoverageAsync): counted in the database; no goal, recorded
        // so that a province's dashboard is known to stay in seconds and in memory.
        var coverageClock = Stopwatch.StartNew();
        CoverageReport coverage;
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<RegionScopeAccessor>().Scope = RegionScope.Nationwide;
            coverage = await scope.ServiceProvider.GetRequiredService<Ledger311Service>().CoverageAsync(Prefix, 2021);
        }
        var coverageTime = coverageClock.Elapsed;
        Workspace.Log($"311 coverage of {Prefix} for 2021: {coverage.Total.Target:N0} people in the target group, {coverage.Children.Count} cities, {Measurement.Seconds(coverageTime)}");

        var size = string.Create(CultureInfo.InvariantCulture, $"{persons:N0} persons, {rawFigures.Villages:N0} villages");
        return
        [
            new Measurement("report-postgres", size, "raw GROUP BY (Npgsql)", Measurement.Median(raw),
                "MonthlyDispatchService", Measurement.Median(bangfu), RatioGoal, PeakRss(), null,
                $"median of {runs} runs (raw {Measurement.Runs(raw)}; service {Measurement.Runs(bangfu)}). The service runs the month's GROUP BY and, beside it on a second connection, the year-ago month's (the year-on-year column), "
                + $"then the closed-village lookup and child-region names; the raw query run once for each of the two months, one after the other, takes {Measurement.Seconds(Measurement.Median(rawBoth))}. "
                + $"The 311 coverage of the province (no goal): {coverage.Total.Target:N0} people in the target group in {Measurement.Seconds(coverageTime)}. Peak RSS is this bench process's."),
        ];
    }

    private static ServiceProvider BuildServices(string connectionString, string dataDirectory, bool showSql)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Bangfu"] = connectionString,
            ["Bangfu:DataDirectory"] = dataDirectory,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Warning);
            if (showSql)
            {
                b.AddSimpleConsole(o => o.SingleLine = false);
                b.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information);
            }
        });
        services.AddBangfu(configuration);
        return services.BuildServiceProvider();
    }

    private static async Task<MonthlyDispatchReport> ServiceAsync(IServiceProvider services, Period period)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RegionScopeAccessor>().Scope = RegionScope.Nationwide;
        return await scope.ServiceProvider.GetRequiredService<MonthlyDispatchService>().GetAsync(Prefix, period);
    }

    private sealed record RawTotals(int Villages, long[] Sums);

    // Reads every village row, as the service does, and adds them up for the comparison.
    private static async Task<RawTotals> RawAsync(string connectionString, int period)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(RawSql(period), conn) { CommandTimeout = 0 };
        await using var reader = await cmd.ExecuteReaderAsync();
        var sums = new long[11];
        var villages = 0;
        while (await reader.ReadAsync())
        {
            villages++;
            for (var c = 0; c < sums.Length; c++) sums[c] += reader.GetInt64(c + 1);
        }
        return new RawTotals(villages, sums);
    }

    private static void Compare(RawTotals raw, DispatchFigures f)
    {
        long[] service = [f.Persons, f.Households, f.LabourForce, f.Employed, f.EmployedOutsideProvince,
            f.EmployedInProvinceOutsideCounty, f.EmployedInCounty, f.WorkshopWorkers, f.PublicWelfareJobs, f.AbleNotEmployed,
            f.ReturnedThisMonth];
        if (!service.SequenceEqual(raw.Sums))
            throw new BenchException($"the raw query and the service disagree: raw [{string.Join(", ", raw.Sums)}], service [{string.Join(", ", service)}].");
    }

    private static long? PeakRss()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }
}

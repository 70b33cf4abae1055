using System.Globalization;

namespace Bangfu.Bench;

/// <summary>
/// <c>xlsx</c>: the same generated rows as .xlsx and as CSV, both imported by Bangfu into fresh, initialised SQLite
/// databases. The ratio is the cost of reading a workbook (unzipping and parsing the sheet XML) over reading text.
/// </summary>
public sealed class XlsxBenchmark(Workspace workspace, BangfuCli cli, Rosters rosters)
{
    public const double RatioGoal = 1.3;
    public const long RssGoal = 256L * 1024 * 1024;

    public async Task<Measurement> RunAsync(long rows, int seed, int repeat)
    {
        var csv = await rosters.GetAsync(rows, seed, "csv");
        var xlsx = await rosters.GetAsync(rows, seed, "xlsx");
        var csvTimes = new List<TimeSpan>();
        var xlsxTimes = new List<TimeSpan>();
        long csvPeak = 0, xlsxPeak = 0;
        for (var i = 0; i < repeat; i++)
        {
            var dir = workspace.NewRunDirectory("xlsx");
            try
            {
                foreach (var (file, times, isXlsx) in new[] { (csv, csvTimes, false), (xlsx, xlsxTimes, true) })
                {
                    var database = BangfuDatabase.Sqlite(Path.Combine(dir, isXlsx ? "xlsx" : "csv"));
                    await cli.InitialiseAsync(database);
                    var (run, outcome) = await cli.ImportAsync(file, database);
                    BangfuCli.Check(outcome, rows);
                    times.Add(run.Elapsed);
                    if (isXlsx) xlsxPeak = Math.Max(xlsxPeak, run.PeakRssBytes ?? 0);
                    else csvPeak = Math.Max(csvPeak, run.PeakRssBytes ?? 0);
                    Workspace.Log($"bangfu import roster {Path.GetExtension(file)} {rows:N0} rows: {Measurement.Seconds(run.Elapsed)}, peak RSS {Measurement.Megabytes(run.PeakRssBytes)}");
                    Directory.Delete(database.DataDirectory, recursive: true);
                }
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        return new Measurement("xlsx", $"{rows:N0} rows", "bangfu import (CSV)", Measurement.Median(csvTimes),
            "bangfu import (.xlsx)", Measurement.Median(xlsxTimes), RatioGoal, xlsxPeak, RssGoal,
            $"peak RSS {Measurement.Megabytes(xlsxPeak)} for .xlsx, {Measurement.Megabytes(csvPeak)} for CSV (SQLite)"
            + (repeat > 1
                ? $"; median of {repeat} runs; CSV {Measurement.Runs(csvTimes)}; .xlsx {Measurement.Runs(xlsxTimes)}; ratio of each pair "
                  + string.Join(" / ", csvTimes.Zip(xlsxTimes, (c, x) => (x / c).ToString("F2", CultureInfo.InvariantCulture) + "×"))
                : ""));
    }
}

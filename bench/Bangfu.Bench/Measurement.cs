using System.Globalization;
using System.Text;

namespace Bangfu.Bench;

/// <summary>
/// One line of the results: Bangfu against the raw database tool on the same machine and the same rows.
/// Times are medians when a benchmark ran more than once. <see cref="Ratio"/> is Bangfu's time over the baseline's.
/// </summary>
public sealed record Measurement(
    string Benchmark,
    string Size,
    string Baseline,
    TimeSpan BaselineTime,
    string Subject,
    TimeSpan SubjectTime,
    double RatioGoal,
    long? PeakRssBytes,
    long? RssGoalBytes,
    string? Note = null)
{
    public double Ratio => SubjectTime.TotalSeconds / BaselineTime.TotalSeconds;

    public static TimeSpan Median(IEnumerable<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        if (sorted.Count == 0) throw new ArgumentException("no times", nameof(times));
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Every run's time in order, for the notes: on a busy machine the spread says more than the median.</summary>
    public static string Runs(IEnumerable<TimeSpan> times) => string.Join(" / ", times.Select(Seconds));

    public static string Seconds(TimeSpan t) =>
        t.TotalSeconds >= 10 ? t.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s"
        : t.TotalSeconds >= 1 ? t.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) + " s"
        : t.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture) + " ms";

    public static string Megabytes(long? bytes) =>
        bytes is { } b ? (b / (1024.0 * 1024.0)).ToString("F0", CultureInfo.InvariantCulture) + " MB" : "-";

    public static string Verdict(double value, double goal) => value <= goal ? "met" : "not met";

    /// <summary>The results as a markdown table (the same layout as docs/performance.md).</summary>
    public static string Table(IReadOnlyList<Measurement> results, string commit)
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"Commit {commit}, {Environment.ProcessorCount} cores, {DateTime.Now:yyyy-MM-dd HH:mm}");
        s.AppendLine();
        s.AppendLine("| benchmark | size | baseline | baseline time | Bangfu | Bangfu time | ratio (goal) | Bangfu peak RSS (goal) |");
        s.AppendLine("| --- | --- | --- | ---: | --- | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            var ratio = string.Create(CultureInfo.InvariantCulture, $"{r.Ratio:F2}× (≤ {r.RatioGoal:F1}×, {Verdict(r.Ratio, r.RatioGoal)})");
            var rss = r.RssGoalBytes is { } goal
                ? $"{Megabytes(r.PeakRssBytes)} (≤ {Megabytes(goal)}, {(r.PeakRssBytes is { } p ? Verdict(p, goal) : "not measured")})"
                : Megabytes(r.PeakRssBytes);
            s.AppendLine($"| {r.Benchmark} | {r.Size} | {r.Baseline} | {Seconds(r.BaselineTime)} | {r.Subject} | {Seconds(r.SubjectTime)} | {ratio} | {rss} |");
        }
        var notes = results.Where(r => r.Note is not null).ToList();
        if (notes.Count > 0)
        {
            s.AppendLine();
            foreach (var r in notes) s.AppendLine($"- {r.Benchmark} ({r.Size}): {r.Note}");
        }
        return s.ToString();
    }
}

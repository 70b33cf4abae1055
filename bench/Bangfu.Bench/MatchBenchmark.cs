using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Bangfu.Employment.Matching;
using Bangfu.Employment.Occupations;

namespace Bangfu.Bench;

/// <summary>
/// 人岗匹配 of a province, in process: <c>people</c> unemployed-and-willing persons in the real villages of Hunan (43)
/// against <c>vacancies</c> open vacancies (60% in Hunan at village, township or county level, 25% in Guangdong
/// counties, 15% in the cities of other provinces), occupations drawn from the occupation list.
/// <list type="bullet">
/// <item>baseline: the bare kernel (<see cref="MatchScorer.Score"/>) on exactly the pairs the blocked batch scores,
/// recorded beforehand (a flat array of vacancy ordinals per person), summing the totals;</item>
/// <item>subject: the batch matcher end to end — building the index of the vacancies and the top K of everyone — on one
/// thread like the baseline (the time on all cores is in the note).</item>
/// </list>
/// Then one person's top 10 against the built index, for <c>singles</c> random persons: p50 and p99 latency.
/// The batch's results are checked against brute force for 200 persons before timing.
/// </summary>
public sealed class MatchBenchmark(Workspace workspace)
{
    public Task<IReadOnlyList<Measurement>> RunAsync(int people, int vacancyCount, int k, int singles, int runs, int seed)
    {
        var random = new Random(seed);
        var villages = Villages();
        var hunan = villages.Where(v => v.StartsWith("43", StringComparison.Ordinal)).ToArray();
        var guangdongCounties = villages.Where(v => v.StartsWith("44", StringComparison.Ordinal)).Select(v => v[..6]).Distinct().ToArray();
        var otherCities = villages.Where(v => !v.StartsWith("43", StringComparison.Ordinal) && !v.StartsWith("44", StringComparison.Ordinal))
            .Select(v => v[..4]).Distinct().ToArray();
        var occupations = OccupationCatalog.Default.All.Where(o => o.Level >= OccupationLevel.Medium).Select(o => o.Code).ToArray();
        var detailed = OccupationCatalog.Default.All.Where(o => o.Level >= OccupationLevel.Minor).Select(o => o.Code).ToArray();
        Workspace.Log($"{villages.Length:N0} villages ({hunan.Length:N0} in Hunan), {occupations.Length} occupation codes; generating");

        var candidates = new MatchCandidate[people];
        for (var i = 0; i < people; i++)
        {
            var wanted = random.NextDouble() < 0.7 ? Pick(random, detailed, 1 + random.Next(2)) : [];
            var skills = random.NextDouble() < 0.3 ? Pick(random, detailed, 1) : [];
            var reach = random.NextDouble() switch { < 0.4 => MatchReach.InCounty, < 0.75 => MatchReach.InProvince, _ => MatchReach.Anywhere };
            candidates[i] = MatchCandidate.Create(GuidOf(random), hunan[random.Next(hunan.Length)], 18 + random.Next(43),
                $"0{1 + random.Next(7)}", random.NextDouble() switch { < 0.75 => "1", < 0.85 => "2", _ => "3" }, wanted, skills,
                random.NextDouble() < 0.6 ? 3000 + 500 * random.Next(11) : 0, reach, random.NextDouble() < 0.2);
        }
        var vacancies = new MatchVacancy[vacancyCount];
        for (var i = 0; i < vacancyCount; i++)
        {
            var place = random.NextDouble() switch
            {
                < 0.6 => hunan[random.Next(hunan.Length)][..(random.Next(3) switch { 0 => 12, 1 => 9, _ => 6 })],
                < 0.85 => guangdongCounties[random.Next(guangdongCounties.Length)],
                _ => otherCities[random.Next(otherCities.Length)],
            };
            var wageMin = 2500 + 500 * random.Next(10);
            vacancies[i] = MatchVacancy.Create(GuidOf(random), occupations[random.Next(occupations.Length)], wageMin, wageMin + 500 * random.Next(6),
                place, random.NextDouble() < 0.5 ? 18 : null, random.NextDouble() < 0.6 ? 45 + 5 * random.Next(3) : null,
                random.NextDouble() < 0.3 ? "03" : null, random.NextDouble() < 0.3, random.NextDouble() < 0.8,
                random.NextDouble() < 0.6, random.NextDouble() < 0.7, 1 + random.Next(100));
        }

        // The pairs the batch scores, and a check against brute force.
        var matcher = new BatchMatcher(vacancies);
        var recorder = new Recorder { Buffer = new PairBuffer(), Offsets = new long[people + 1] };
        var workspaceBuffers = new BatchMatcher.Workspace();
        for (var i = 0; i < people; i++)
        {
            matcher.TopFor(candidates[i], k, workspaceBuffers, ref recorder);
            recorder.Offsets[i + 1] = recorder.Buffer.Count;
        }
        var pairs = recorder.Buffer.Count;
        Workspace.Log($"{pairs:N0} pairs scored by the batch ({(double)pairs / people:F0} per person; all pairs: {(long)people * vacancyCount:N0})");
        for (var i = 0; i < 200; i++)
        {
            var c = candidates[random.Next(people)];
            var expected = BruteForceMatcher.TopFor(c, vacancies, k).Select(r => (r.Vacancy.VacancyId, r.Score.Total));
            if (!expected.SequenceEqual(matcher.TopFor(c, k).Select(r => (r.Vacancy.VacancyId, r.Score.Total))))
                throw new BenchException("the batch differs from brute force");
        }
        var ordered = matcher.Vacancies.ToArray();

        var kernelTimes = new List<TimeSpan>();
        var batchTimes = new List<TimeSpan>();
        var parallelTimes = new List<TimeSpan>();
        long checksum = 0;
        for (var run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            checksum += Kernel(candidates, ordered, recorder.Buffer.Items, recorder.Offsets);
            kernelTimes.Add(watch.Elapsed);
            watch.Restart();
            var results = new BatchMatcher(vacancies).MatchAll(candidates, k);
            batchTimes.Add(watch.Elapsed);
            checksum += results.Length;
            watch.Restart();
            results = new BatchMatcher(vacancies).MatchAll(candidates, k, Environment.ProcessorCount);
            parallelTimes.Add(watch.Elapsed);
            checksum += results.Length;
            Workspace.Log($"run {run + 1}: kernel {Measurement.Seconds(kernelTimes[^1])}, batch {Measurement.Seconds(batchTimes[^1])}, batch on {Environment.ProcessorCount} threads {Measurement.Seconds(parallelTimes[^1])}");
        }

        var latencies = new double[singles];
        var single = new BatchMatcher.Workspace();
        var none = new NoSink();
        for (var i = 0; i < Math.Min(100, singles); i++) matcher.TopFor(candidates[random.Next(people)], 10, single, ref none); // warm-up
        for (var i = 0; i < singles; i++)
        {
            var c = candidates[random.Next(people)];
            var watch = Stopwatch.StartNew();
            var top = matcher.TopFor(c, 10, single, ref none);
            latencies[i] = watch.Elapsed.TotalMilliseconds;
            checksum += top.Length;
        }
        Array.Sort(latencies);
        double P(double q) => latencies[Math.Min(singles - 1, (int)Math.Ceiling(q * singles) - 1)];
        var ms = string.Create(CultureInfo.InvariantCulture, $"p50 {P(0.50):F2} ms, p99 {P(0.99):F2} ms, max {latencies[^1]:F2} ms (goal p99 ≤ 20 ms)");
        Workspace.Log($"one person's top 10 over {singles:N0} persons: {ms} (checksum {checksum})");

        var size = string.Create(CultureInfo.InvariantCulture, $"{people:N0} persons × {vacancyCount:N0} vacancies, top {k}");
        IReadOnlyList<Measurement> result =
        [
            new Measurement("match", size, $"bare kernel on the batch's {pairs:N0} pairs", Measurement.Median(kernelTimes),
                "BatchMatcher: index + top K of everyone, 1 thread", Measurement.Median(batchTimes), 2.0, null, null,
                $"kernel {Measurement.Runs(kernelTimes)}; batch {Measurement.Runs(batchTimes)}; batch on {Environment.ProcessorCount} threads " +
                $"{Measurement.Runs(parallelTimes)}; one person's top 10 against the built index over {singles:N0} persons: {ms}"),
        ];
        return Task.FromResult(result);
    }

    private static long Kernel(MatchCandidate[] candidates, MatchVacancy[] vacancies, int[] pairs, long[] offsets)
    {
        long sum = 0;
        for (var i = 0; i < candidates.Length; i++)
        {
            var c = candidates[i];
            for (var j = offsets[i]; j < offsets[i + 1]; j++) sum += MatchScorer.Score(c, vacancies[pairs[j]]).Total;
        }
        return sum;
    }

    private string[] Villages()
    {
        var path = Path.Combine(workspace.Root, "src", "Modules", "Registry", "Regions", "Data", "villages.csv.gz");
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        var codes = new List<string>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line) codes.Add(line[..line.IndexOf(',', StringComparison.Ordinal)]);
        return codes.ToArray();
    }

    private static string[] Pick(Random random, string[] from, int n) => Enumerable.Range(0, n).Select(_ => from[random.Next(from.Length)]).ToArray();

    private static Guid GuidOf(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private sealed class PairBuffer
    {
        public int[] Items = new int[1 << 20];
        public long Count;

        public void Add(int value)
        {
            if (Count == Items.Length) Array.Resize(ref Items, checked(Items.Length * 2));
            Items[Count++] = value;
        }
    }

    private struct Recorder : IPairSink
    {
        public PairBuffer Buffer;
        public long[] Offsets;
        public readonly void Scored(int vacancyOrdinal) => Buffer.Add(vacancyOrdinal);
    }

    private struct NoSink : IPairSink
    {
        public readonly void Scored(int vacancyOrdinal) { }
    }
}

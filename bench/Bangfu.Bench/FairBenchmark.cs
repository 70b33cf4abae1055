using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Bangfu.Bench;

/// <summary>
/// The online fair's search page (/Fair) under load: the web host (Release build, its own process, SQLite) on a
/// loopback port over the demo data set (<c>bangfu demo load</c>) multiplied to <c>vacancies</c> open vacancies, driven by
/// an HttpClient load generator in this process with <c>connections</c> concurrent connections, each sending its next
/// request as soon as the last answer arrived (closed loop). A mix of searches: no filter, occupation, place, wage,
/// near home, later pages. Reports p50, p99 and throughput over the timed window (after a warm-up). Goal: p99 ≤ 50 ms
/// at 256 connections (issue "Employment services", Benchmarks).
/// <para>By default server and load generator share the machine's cores (the generator runs in this process). With
/// <c>serverCpus</c> the host runs under <c>taskset -c</c> on those cores; with <c>loadCpus</c> the generator runs as a
/// separate process (this program's <c>fair-load</c> command) under <c>taskset -c</c> on those, so on a machine with
/// enough cores the two never compete (e.g. <c>--server-cpus 0-3 --load-cpus 4-7</c>).</para>
/// </summary>
public sealed class FairBenchmark(Workspace workspace, BangfuCli cli)
{
    private static readonly string[] Searches =
    [
        "/Fair", "/Fair?occupation=6-25", "/Fair?occupation=6-29-01", "/Fair?placeProvince=43&place=4301", "/Fair?minWage=5000",
        "/Fair?homeProvince=43&homeCity=4301&home=430182", "/Fair?homeDaily=true", "/Fair?p=3", "/Fair?occupation=4&minWage=4000&p=2",
        "/Fair?q=%E8%A3%85%E9%85%8D",
    ];

    /// <summary>What the load generator measured in the timed window.</summary>
    public sealed record LoadResult(long Requests, long Errors, double P50, double P99, double Max, double Seconds);

    public async Task<string> RunAsync(int vacancies, int connections, int seconds, string? serverCpus = null, string? loadCpus = null)
    {
        var dir = workspace.NewRunDirectory("fair");
        var db = BangfuDatabase.Sqlite(dir);
        Workspace.Log("loading the demo data set ...");
        await cli.RunAsync("demo load", ["demo", "load"], db);
        var total = Multiply(Path.Combine(dir, "bangfu.db"), vacancies);
        Workspace.Log($"{total} open vacancies in the database");

        var webDll = Path.Combine(workspace.Root, "src", "Web", "bin", "Release", "net10.0", "Bangfu.Web.dll");
        if (!File.Exists(webDll)) throw new BenchException($"{webDll} is missing: run `dotnet build -c Release src/Web`.");
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo(serverCpus is null ? "dotnet" : Workspace.Tool("taskset"))
            { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
        if (serverCpus is not null) foreach (var a in new[] { "-c", serverCpus, "dotnet" }) info.ArgumentList.Add(a);
        foreach (var a in new[] { webDll, "--urls", baseUrl, "--contentRoot", Path.Combine(workspace.Root, "src", "Web") }) info.ArgumentList.Add(a);
        foreach (var (k, v) in db.Environment) info.Environment[k] = v;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Bangfu__LogDirectory"] = Path.Combine(dir, "logs");
        using var server = Process.Start(info)!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using (var probe = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) })
                await WaitAsync(probe);
            LoadResult r;
            if (loadCpus is null) r = await LoadAsync(baseUrl, connections, 5, seconds);
            else
            {
                Workspace.Log($"load generator in its own process on cores {loadCpus} ...");
                var bench = typeof(FairBenchmark).Assembly.Location;
                var child = await ChildProcess.RunCheckedAsync("fair-load", Workspace.Tool("taskset"),
                    ["-c", loadCpus, "dotnet", bench, "fair-load", "--url", baseUrl, "--connections", connections.ToString(CultureInfo.InvariantCulture),
                     "--seconds", seconds.ToString(CultureInfo.InvariantCulture)]);
                r = JsonSerializer.Deserialize<LoadResult>(child.Output.Trim().Split('\n')[^1])
                    ?? throw new BenchException("fair-load printed no result");
            }
            var placement = (serverCpus, loadCpus) switch
            {
                (null, null) => "shared cores, generator in the bench process",
                _ => $"host on cores {serverCpus ?? "any"}, generator {(loadCpus is null ? "in the bench process" : "a process on cores " + loadCpus)}",
            };
            var s = new StringBuilder();
            s.AppendLine(CultureInfo.InvariantCulture, $"Commit {workspace.Commit}, {Environment.ProcessorCount} cores, {DateTime.Now:yyyy-MM-dd HH:mm}; {placement}");
            s.AppendLine();
            s.AppendLine("| benchmark | open vacancies | connections | requests | errors | p50 | p99 (goal ≤ 50 ms) | max | throughput |");
            s.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            s.AppendLine(CultureInfo.InvariantCulture,
                $"| fair search (SQLite) | {total} | {connections} | {r.Requests} | {r.Errors} | {r.P50:F1} ms | {r.P99:F1} ms ({(r.P99 <= 50 ? "met" : "not met")}) | {r.Max:F0} ms | {r.Requests / r.Seconds:F0} req/s |");
            return s.ToString();
        }
        finally
        {
            if (!server.HasExited) { server.Kill(entireProcessTree: true); await server.WaitForExitAsync(); }
        }
    }

    /// <summary>Copies the demo vacancies (new ids, numbered titles, spread publication times) until there are at least <paramref name="target"/>.</summary>
    internal static long Multiply(string dbFile, int target)
    {
        using var c = new SqliteConnection($"Data Source={dbFile}");
        c.Open();
        var columns = new List<string>();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "PRAGMA table_info(emp_vacancy)";
            using var r = cmd.ExecuteReader();
            while (r.Read()) columns.Add(r.GetString(1));
        }
        long Count()
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT count(*) FROM emp_vacancy";
            return (long)cmd.ExecuteScalar()!;
        }
        var existing = Count();
        if (existing == 0) throw new BenchException("demo load left no vacancies");
        var copies = (int)Math.Ceiling((target - existing) / (double)existing);
        if (copies > 0)
        {
            var select = string.Join(", ", columns.Select(col => col switch
            {
                "id" => "randomblob(16)",
                "title" => "substr(v.title || '·' || n.i, 1, 100)",
                "published_at" => "v.published_at - n.i * 10000000",
                _ => "v." + col,
            }));
            using var tx = c.BeginTransaction();
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {copies}) " +
                              $"INSERT INTO emp_vacancy ({string.Join(", ", columns)}) SELECT {select} FROM emp_vacancy v, n";
            cmd.ExecuteNonQuery();
            tx.Commit();
            using var analyse = c.CreateCommand();
            analyse.CommandText = "ANALYZE";
            analyse.ExecuteNonQuery();
        }
        return Count();
    }

    /// <summary>
    /// The load generator: <paramref name="connections"/> connections in a closed loop against <paramref name="baseUrl"/>,
    /// <paramref name="warmup"/> seconds untimed, then <paramref name="seconds"/> timed. Also the <c>fair-load</c> command.
    /// </summary>
    public static async Task<LoadResult> LoadAsync(string baseUrl, int connections, int warmup, int seconds)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        Workspace.Log($"warming up ({connections} connections, {warmup} s) ...");
        await DriveAsync(client, connections, TimeSpan.FromSeconds(warmup));
        Workspace.Log($"measuring ({connections} connections, {seconds} s) ...");
        var (latencies, errors, elapsed) = await DriveAsync(client, connections, TimeSpan.FromSeconds(seconds));
        latencies.Sort();
        double P(double q) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        return new LoadResult(latencies.Count, errors, P(0.50), P(0.99), latencies.LastOrDefault(), elapsed.TotalSeconds);
    }

    private static async Task<(List<double> Latencies, long Errors, TimeSpan Elapsed)> DriveAsync(HttpClient client, int connections, TimeSpan duration)
    {
        var all = new List<double>[connections];
        long errors = 0;
        var clock = Stopwatch.StartNew();
        var end = clock.Elapsed + duration;
        await Task.WhenAll(Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            var mine = all[worker] = new List<double>(4096);
            var i = worker;
            while (clock.Elapsed < end)
            {
                var url = Searches[i++ % Searches.Length];
                var start = clock.Elapsed;
                try
                {
                    using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead);
                    if (response.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref errors);
                    else mine.Add((clock.Elapsed - start).TotalMilliseconds);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })));
        var elapsed = clock.Elapsed;
        return (all.SelectMany(l => l).ToList(), errors, elapsed);
    }

    private static async Task WaitAsync(HttpClient client)
    {
        for (var i = 0; i < 240; i++)
        {
            try
            {
                if ((await client.GetAsync("/Fair")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(500);
        }
        throw new BenchException("the web host did not answer /Fair within 2 minutes");
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}

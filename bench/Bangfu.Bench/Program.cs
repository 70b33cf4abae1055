using System.CommandLine;
using Bangfu.Bench;

// Bangfu against the raw database tools on the same machine and the same rows (see bench/README.md).
// Timings live here, never in unit tests. Results are printed as a markdown table and appended to bench/out/results.md.
var rows = new Option<long>("--rows") { Description = "roster rows (persons)", DefaultValueFactory = _ => 1_000_000 };
var seed = new Option<int>("--seed") { Description = "generator seed", DefaultValueFactory = _ => 1 };
var repeat = new Option<int>("--repeat") { Description = "runs of each import (the median is reported)", DefaultValueFactory = _ => 1 };
var pg = new Option<string?>("--pg") { Description = "PostgreSQL connection string of a role that may create databases (default: $BANGFU_BENCH_POSTGRES)" };
var persons = new Option<long>("--persons") { Description = "persons in the report benchmark's province", DefaultValueFactory = _ => 10_000_000 };
var runs = new Option<int>("--runs") { Description = "timed runs of each report query (the median is reported)", DefaultValueFactory = _ => 5 };
var showSql = new Option<bool>("--show-sql") { Description = "print the SQL the service sends" };
var matchPeople = new Option<int>("--people") { Description = "unemployed-and-willing persons in the match benchmark", DefaultValueFactory = _ => 300_000 };
var matchVacancies = new Option<int>("--vacancies") { Description = "open vacancies in the match benchmark", DefaultValueFactory = _ => 50_000 };
var matchTop = new Option<int>("--top") { Description = "K of the top K per person", DefaultValueFactory = _ => 10 };
var matchSingles = new Option<int>("--singles") { Description = "persons timed one by one (top 10)", DefaultValueFactory = _ => 1_000 };
var matchRuns = new Option<int>("--runs") { Description = "timed runs (the median is reported)", DefaultValueFactory = _ => 3 };
var noBuild = new Option<bool>("--no-build") { Description = "use the CLI as built; skip `dotnet build -c Release src/Cli`", Recursive = true };

var root = new RootCommand("Bangfu benchmarks: the import and the monthly report against sqlite3 .import, psql \\copy and a hand-written GROUP BY.");
root.Options.Add(noBuild);
root.Subcommands.Add(Command("import-sqlite", "CSV import into SQLite vs sqlite3 .import", [rows, seed, repeat],
    (b, p) => b.ImportSqlite(p.GetValue(rows), p.GetValue(seed), p.GetValue(repeat))));
root.Subcommands.Add(Command("import-postgres", "CSV import into PostgreSQL vs psql \\copy into an indexed table", [rows, seed, repeat, pg],
    (b, p) => b.ImportPostgres(p.GetValue(rows), p.GetValue(seed), p.GetValue(repeat), p.GetValue(pg))));
root.Subcommands.Add(Command("xlsx", "the same rows imported from .xlsx vs from CSV (SQLite)", [rows, seed, repeat],
    (b, p) => b.Xlsx(p.GetValue(rows), p.GetValue(seed), p.GetValue(repeat))));
root.Subcommands.Add(Command("report-postgres", "monthly dispatch of a province vs the raw GROUP BY", [persons, runs, pg, showSql],
    (b, p) => b.Report(p.GetValue(persons), p.GetValue(runs), p.GetValue(pg), p.GetValue(showSql))));
root.Subcommands.Add(Command("match", "人岗匹配 of a province: the batch matcher vs the bare kernel on the same pairs; one person's top 10",
    [matchPeople, matchVacancies, matchTop, matchSingles, matchRuns, seed],
    (b, p) => b.Match(p.GetValue(matchPeople), p.GetValue(matchVacancies), p.GetValue(matchTop), p.GetValue(matchSingles), p.GetValue(matchRuns), p.GetValue(seed))));
var fairVacancies = new Option<int>("--vacancies") { Description = "open vacancies on the online fair", DefaultValueFactory = _ => 50_000 };
var fairConnections = new Option<int>("--connections") { Description = "concurrent connections of the load generator", DefaultValueFactory = _ => 256 };
var fairSeconds = new Option<int>("--seconds") { Description = "length of the timed window", DefaultValueFactory = _ => 20 };
var fairServerCpus = new Option<string?>("--server-cpus") { Description = "run the web host under taskset -c on these cores (e.g. 0-3); default: any core" };
var fairLoadCpus = new Option<string?>("--load-cpus") { Description = "run the load generator as a separate process under taskset -c on these cores (e.g. 4-7); default: in the bench process, any core" };
var fair = new Command("fair", "the online fair's search page under concurrent load on loopback (p50, p99, throughput)") { fairVacancies, fairConnections, fairSeconds, fairServerCpus, fairLoadCpus };
fair.SetAction(async (parse, _) =>
{
    try
    {
        var workspace = Workspace.Locate();
        await workspace.PrepareAsync(build: !parse.GetValue(noBuild));
        if (!parse.GetValue(noBuild))
        {
            var web = await ChildProcess.RunAsync("dotnet", ["build", "-c", "Release", "-v", "q", "-nologo", Path.Combine(workspace.Root, "src", "Web")], workingDirectory: workspace.Root);
            if (web.ExitCode != 0) throw new BenchException($"dotnet build failed:\n{web.Output}");
        }
        var table = await new FairBenchmark(workspace, new BangfuCli(workspace)).RunAsync(parse.GetValue(fairVacancies), parse.GetValue(fairConnections),
            parse.GetValue(fairSeconds), parse.GetValue(fairServerCpus), parse.GetValue(fairLoadCpus));
        Console.WriteLine(table);
        await File.AppendAllTextAsync(Path.Combine(workspace.Out, "results.md"), $"## {string.Join(' ', args)}\n\n{table}\n");
        return 0;
    }
    catch (BenchException e)
    {
        Console.Error.WriteLine($"bench: {e.Message}");
        return 1;
    }
});
root.Subcommands.Add(fair);
// The fair's load generator on its own, as `fair --load-cpus` starts it: prints the result as one JSON line.
var loadUrl = new Option<string>("--url") { Description = "base address of a running web host", Required = true };
var loadWarmup = new Option<int>("--warmup") { Description = "untimed seconds before the timed window", DefaultValueFactory = _ => 5 };
var fairLoad = new Command("fair-load", "the fair benchmark's load generator alone, against a running host (JSON result)") { loadUrl, fairConnections, fairSeconds, loadWarmup };
fairLoad.Hidden = true;
fairLoad.SetAction(async (parse, _) =>
{
    var result = await FairBenchmark.LoadAsync(parse.GetValue(loadUrl)!, parse.GetValue(fairConnections), parse.GetValue(loadWarmup), parse.GetValue(fairSeconds));
    Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(result));
    return 0;
});
root.Subcommands.Add(fairLoad);
var serviceVacancies = new Option<int>("--vacancies") { Description = "open vacancies in the database (the demo data set copied)", DefaultValueFactory = _ => 50_000 };
var servicePeople = new Option<int>("--people") { Description = "roster rows imported (persons of Hunan, period 2021-12)", DefaultValueFactory = _ => 20_000 };
var serviceCalls = new Option<int>("--calls") { Description = "timed calls, each for a random unemployed-and-willing person", DefaultValueFactory = _ => 1_000 };
var serviceTop = new Option<int>("--top") { Description = "K of the top K", DefaultValueFactory = _ => 10 };
var matchService = new Command("match-service", "one person's top 10 through MatchingService.ForPersonAsync on SQLite (first call, p50, p99)")
    { serviceVacancies, servicePeople, serviceCalls, serviceTop, seed };
matchService.SetAction(async (parse, _) =>
{
    try
    {
        var workspace = Workspace.Locate();
        await workspace.PrepareAsync(build: !parse.GetValue(noBuild));
        var cli = new BangfuCli(workspace);
        var table = await new MatchServiceBenchmark(workspace, cli, new Rosters(workspace, cli)).RunAsync(parse.GetValue(servicePeople),
            parse.GetValue(serviceVacancies), parse.GetValue(serviceCalls), parse.GetValue(serviceTop), parse.GetValue(seed));
        Console.WriteLine(table);
        await File.AppendAllTextAsync(Path.Combine(workspace.Out, "results.md"), $"## {string.Join(' ', args)}\n\n{table}\n");
        return 0;
    }
    catch (BenchException e)
    {
        Console.Error.WriteLine($"bench: {e.Message}");
        return 1;
    }
});
root.Subcommands.Add(matchService);
root.Subcommands.Add(Command("all", "everything, with the defaults unless given", [rows, seed, repeat, persons, runs, pg],
    (b, p) => b.All(p.GetValue(rows), p.GetValue(seed), p.GetValue(repeat), p.GetValue(persons), p.GetValue(runs), p.GetValue(pg))));
return await root.Parse(args).InvokeAsync();

Command Command(string name, string description, Option[] options, Func<Benchmarks, ParseResult, Task<IReadOnlyList<Measurement>>> run)
{
    var command = new Command(name, description);
    foreach (var o in options) command.Options.Add(o);
    command.SetAction(async (parse, _) =>
    {
        try
        {
            var workspace = Workspace.Locate();
            await workspace.PrepareAsync(build: !parse.GetValue(noBuild));
            var results = await run(new Benchmarks(workspace), parse);
            var table = Measurement.Table(results, workspace.Commit);
            Console.WriteLine(table);
            await File.AppendAllTextAsync(Path.Combine(workspace.Out, "results.md"), $"## {string.Join(' ', args)}\n\n{table}\n");
            return 0;
        }
        catch (BenchException e)
        {
            Console.Error.WriteLine($"bench: {e.Message}");
            return 1;
        }
    });
    return command;
}

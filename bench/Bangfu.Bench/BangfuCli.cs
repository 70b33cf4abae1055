using System.Globalization;
using System.Text.Json;

namespace Bangfu.Bench;

/// <summary>The database a CLI run works on, passed as the environment variables the CLI reads.</summary>
public sealed record BangfuDatabase(string Provider, string ConnectionString, string DataDirectory)
{
    public static BangfuDatabase Sqlite(string dataDirectory) =>
        new("Sqlite", $"Data Source={Path.Combine(dataDirectory, "bangfu.db")}", dataDirectory);

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["Database__Provider"] = Provider,
        ["ConnectionStrings__Bangfu"] = ConnectionString,
        ["Bangfu__DataDirectory"] = DataDirectory,
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
    };
}

/// <summary>What <c>bangfu import roster --json</c> reported.</summary>
public sealed record ImportOutcome(long Rows, long PersonsNew, long RowsRefused, string? FileError);

/// <summary>Runs the built CLI (<c>dotnet bangfu.dll</c>) as a user would.</summary>
public sealed class BangfuCli(Workspace workspace)
{
    /// <summary>For commands that never open a database (generate): a throw-away data directory all the same.</summary>
    public static BangfuDatabase NoDatabase { get; } = BangfuDatabase.Sqlite(Path.Combine(Path.GetTempPath(), "bangfu-bench-nodb"));

    public Task<ChildResult> RunAsync(string what, IReadOnlyList<string> arguments, BangfuDatabase database, bool measureMemory = false) =>
        ChildProcess.RunCheckedAsync($"bangfu {what}", "dotnet", [workspace.CliDll, .. arguments], database.Environment,
            workspace.Root, measureMemory);

    /// <summary>
    /// The first command on an empty database migrates it and loads the region tree (about 10 s); the benchmarks do
    /// that here, untimed, so the timed import starts from an initialised database as in production.
    /// </summary>
    public async Task InitialiseAsync(BangfuDatabase database)
    {
        Directory.CreateDirectory(database.DataDirectory);
        var result = await RunAsync("report monthly (initialises the database)",
            ["report", "monthly", "--period", "2021-12", "--region", "43", "--json"], database);
        Workspace.Log($"initialised {database.Provider} database in {result.Elapsed.TotalSeconds:F0} s (not counted)");
    }

    /// <summary>The timed import: wall time and peak RSS of the whole CLI process.</summary>
    public async Task<(ChildResult Run, ImportOutcome Outcome)> ImportAsync(string file, BangfuDatabase database)
    {
        var run = await RunAsync("import roster", ["import", "roster", file, "--period", "2021-12", "--json"], database, measureMemory: true);
        var json = run.Output[run.Output.IndexOf('{', StringComparison.Ordinal)..];
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var outcome = new ImportOutcome(root.GetProperty("rows").GetInt64(), root.GetProperty("persons_new").GetInt64(),
            root.GetProperty("rows_refused").GetInt64(),
            root.GetProperty("file_error").ValueKind == JsonValueKind.Null ? null : root.GetProperty("file_error").GetString());
        return (run, outcome);
    }

    public static void Check(ImportOutcome outcome, long expectedRows)
    {
        if (outcome.FileError is not null) throw new BenchException($"bangfu refused the file: {outcome.FileError}");
        if (outcome.Rows != expectedRows || outcome.PersonsNew != expectedRows)
            throw new BenchException(string.Create(CultureInfo.InvariantCulture,
                $"bangfu imported {outcome.PersonsNew:N0} new persons of {outcome.Rows:N0} rows ({outcome.RowsRefused:N0} refused); expected {expectedRows:N0}."));
    }
}

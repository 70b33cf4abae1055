using System.Diagnostics;
using System.Text;
using Bangfu.Cli.Generate;
using Bangfu.Platform.Data;
using Bangfu.Registry.People;
using Bangfu.Registry.RosterImport;
using Bangfu.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Cli.Tests.Import;

/// <summary>
/// kill -9 in the middle of a large import, then a restart: the database is as it was before the import (one
/// transaction), never half imported; running the import again then imports everything.
/// </summary>
public sealed class KilledImportTests : DatabaseTest
{
    private const int Rows = 40_000;

    [Theory]
    [InlineData("已读取")]    // while the file is being read into the stage
    [InlineData("写入数据库")] // while the registry tables are being written
    public async Task A_killed_import_leaves_the_database_as_it_was_and_a_rerun_imports_everything(string killDuring)
    {
        var file = Path.Combine(Database.DataDirectory, "large.csv");
        await using (var stream = File.Create(file))
        {
            var generator = new RosterGenerator(new RosterGeneratorOptions { Rows = Rows, Seed = 11, Counties = 1 });
            RosterCsvWriter.Write(stream, generator.Rows(), RosterCsvWriter.Utf8);
        }

        var seen = await RunAndKillAsync(file, killDuring);
        Assert.True(seen, $"the import never reached “{killDuring}”");

        // Restart: the CLI initialises the database again and reports on it.
        var (code, _) = await RunAsync("report", "monthly", "--period", "2021-12", "--json");
        Assert.Equal(0, code);
        Assert.Equal(0, await CountPersonsAsync());
        if (Database.Provider == DatabaseProvider.Sqlite) Assert.Equal("ok", IntegrityCheck());

        var (rerun, output) = await RunAsync("import", "roster", file, "--period", "2021-12", "--json");
        Assert.True(rerun == 0, output);
        Assert.Equal(Rows, await CountPersonsAsync());
    }

    private async Task<bool> RunAndKillAsync(string file, string killDuring)
    {
        using var process = Start("import", "roster", file, "--period", "2021-12");
        var seen = new TaskCompletionSource<bool>();
        var stderr = new StringBuilder();
        _ = Task.Run(async () =>
        {
            var buffer = new char[256];
            int n;
            while ((n = await process.StandardError.ReadAsync(buffer)) > 0)
            {
                stderr.Append(buffer, 0, n);
                if (stderr.ToString().Contains(killDuring)) seen.TrySetResult(true);
            }
            seen.TrySetResult(false);
        });
        var reached = await seen.Task.WaitAsync(TimeSpan.FromMinutes(5));
        if (reached)
        {
            if (killDuring == "已读取") await Task.Delay(300); // well inside the read
            process.Kill(entireProcessTree: true); // SIGKILL
        }
        await process.WaitForExitAsync();
        return reached;
    }

    private async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        using var process = Start(args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "bangfu.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (key, value) in Database.Settings) info.Environment[key.Replace(":", "__")] = value;
        return Process.Start(info)!;
    }

    private async Task<int> CountPersonsAsync()
    {
        await using var scope = Services.InScope();
        return await scope.Get<AppDbContext>().Set<Person>().CountAsync();
    }

    private string IntegrityCheck()
    {
        using var connection = new SqliteConnection(Database.ConnectionString);
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check";
        return (string)cmd.ExecuteScalar()!;
    }
}

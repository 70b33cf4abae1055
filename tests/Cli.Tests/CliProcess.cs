using System.Diagnostics;
using Bangfu.Testing;

namespace Bangfu.Cli.Tests;

/// <summary>Runs the built <c>bangfu</c> in a process of its own over a test's database (its settings as environment variables).</summary>
public static class CliProcess
{
    public static async Task<(int Code, string Output, string Error)> RunAsync(TestDatabase database, IDictionary<string, string?>? environment,
        params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "bangfu.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (key, value) in database.Settings) info.Environment[key.Replace(":", "__")] = value;
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>()) info.Environment[key.Replace(":", "__")] = value;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    public static Task<(int Code, string Output, string Error)> RunAsync(TestDatabase database, params string[] args) =>
        RunAsync(database, null, args);
}

using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Bangfu.Bench;

/// <summary>What a finished child process left: exit code, wall time, output, and its peak resident set when measured.</summary>
public sealed record ChildResult(int ExitCode, TimeSpan Elapsed, string Output, string Error, long? PeakRssBytes);

/// <summary>
/// Starts a tool or the CLI and waits for it. The wall time is taken here, around the whole process (start-up
/// included, as a user running the command would see it). With <c>measureMemory</c> the command runs under
/// <c>/usr/bin/time</c>, whose "maximum resident set size" is the child's peak RSS (the kernel's <c>ru_maxrss</c>);
/// <c>dotnet bangfu.dll</c> runs the program in the <c>dotnet</c> process itself, so that is Bangfu's peak.
/// </summary>
public static class ChildProcess
{
    private const int KeepChars = 64 * 1024;

    public static async Task<ChildResult> RunAsync(string program, IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null, bool measureMemory = false)
    {
        string? rssFile = null;
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (measureMemory)
        {
            rssFile = Path.GetTempFileName();
            start.FileName = "/usr/bin/time";
            foreach (var a in new[] { "-f", "%M", "-o", rssFile, program }) start.ArgumentList.Add(a);
        }
        else
        {
            start.FileName = program;
        }
        foreach (var a in arguments) start.ArgumentList.Add(a);
        if (environment is not null)
        {
            foreach (var (k, v) in environment) start.Environment[k] = v;
        }

        var output = new Tail();
        var error = new Tail();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => error.Add(e.Data);
        var clock = Stopwatch.StartNew();
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync();
        clock.Stop();

        long? rss = null;
        if (rssFile is not null)
        {
            // GNU time writes "Command exited with non-zero status N" before the figure when the command fails.
            var last = File.ReadAllLines(rssFile).LastOrDefault(l => l.Trim().Length > 0);
            if (long.TryParse(last, NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb)) rss = kb * 1024;
            File.Delete(rssFile);
        }
        return new ChildResult(process.ExitCode, clock.Elapsed, output.ToString(), error.ToString(), rss);
    }

    /// <summary>Runs and fails loudly on a non-zero exit code.</summary>
    public static async Task<ChildResult> RunCheckedAsync(string what, string program, IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null, bool measureMemory = false)
    {
        var result = await RunAsync(program, arguments, environment, workingDirectory, measureMemory);
        if (result.ExitCode != 0)
            throw new BenchException($"{what} exited with {result.ExitCode}.\nstdout: {Last(result.Output)}\nstderr: {Last(result.Error)}");
        return result;
    }

    private static string Last(string text) => text.Length <= 2000 ? text : "..." + text[^2000..];

    // Keeps the last KeepChars characters: the import's progress line is rewritten thousands of times.
    private sealed class Tail
    {
        private readonly StringBuilder text = new();
        private readonly Lock gate = new();

        public void Add(string? line)
        {
            if (line is null) return;
            lock (gate)
            {
                text.AppendLine(line);
                if (text.Length > 2 * KeepChars) text.Remove(0, text.Length - KeepChars);
            }
        }

        public override string ToString()
        {
            lock (gate) return text.ToString();
        }
    }
}

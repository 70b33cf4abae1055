namespace Bangfu.Bench;

/// <summary>
/// Where the benchmarks find the repository, the built CLI and the raw database tools, and where they keep their files
/// (<c>bench/out/</c>, git-ignored): cached rosters, the SQLite databases of each run, the results.
/// </summary>
public sealed class Workspace
{
    private Workspace(string root)
    {
        Root = root;
        Out = Path.Combine(root, "bench", "out");
        Directory.CreateDirectory(Out);
    }

    public string Root { get; }
    public string Out { get; }

    /// <summary>The CLI as the benchmarks run it: the Release build of src/Cli, started with <c>dotnet</c>.</summary>
    public string CliDll => Path.Combine(Root, "src", "Cli", "bin", "Release", "net10.0", "bangfu.dll");

    public string Commit { get; private set; } = "unknown";

    public static Workspace Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bangfu.slnx"))) return new Workspace(dir.FullName);
        }
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bangfu.slnx"))) return new Workspace(dir.FullName);
        }
        throw new InvalidOperationException("Bangfu.slnx not found above the program or the current directory.");
    }

    /// <summary>A new, empty directory under bench/out/runs for one run's files.</summary>
    public string NewRunDirectory(string name)
    {
        var dir = Path.Combine(Out, "runs", $"{name}-{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..6]}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>
    /// Builds the CLI in Release (a no-op when it is up to date) so the figures belong to the checked-out source,
    /// and notes the commit they belong to.
    /// </summary>
    public async Task PrepareAsync(bool build)
    {
        Commit = await GitDescribeAsync();
        if (build)
        {
            Console.Error.WriteLine("building src/Cli (Release) ...");
            var result = await ChildProcess.RunAsync("dotnet", ["build", "-c", "Release", "-v", "q", "-nologo", Path.Combine(Root, "src", "Cli")],
                workingDirectory: Root);
            if (result.ExitCode != 0) throw new BenchException($"dotnet build failed:\n{result.Output}");
        }
        if (!File.Exists(CliDll)) throw new BenchException($"{CliDll} is missing: run `dotnet build -c Release src/Cli` or drop --no-build.");
    }

    private async Task<string> GitDescribeAsync()
    {
        try
        {
            var head = await ChildProcess.RunAsync("git", ["rev-parse", "--short=10", "HEAD"], workingDirectory: Root);
            var status = await ChildProcess.RunAsync("git", ["status", "--porcelain", "--", "src"], workingDirectory: Root);
            var commit = head.Output.Trim();
            return status.Output.Trim().Length > 0 ? commit + " (src modified)" : commit;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return "unknown";
        }
    }

    /// <summary>The path of a tool on PATH, or a clear error.</summary>
    public static string Tool(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var path = Path.Combine(dir, name);
            if (File.Exists(path)) return path;
        }
        throw new BenchException($"`{name}` is not on PATH (Debian: apt-get install {(name == "time" ? "time" : name == "psql" ? "postgresql-client" : name)}).");
    }

    public static void Log(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

}

/// <summary>A benchmark could not run as asked (a tool is missing, a command failed, counts do not match).</summary>
public sealed class BenchException(string message) : Exception(message);

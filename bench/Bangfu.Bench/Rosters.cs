using System.Globalization;

namespace Bangfu.Bench;

/// <summary>
/// Synthetic rosters made by <c>bangfu generate</c>, once per row count, seed and format, and kept under
/// <c>bench/out/rosters/</c>: the generator is deterministic (same seed and rows, same file), so a cached file is the
/// file a new run would write.
/// </summary>
public sealed class Rosters(Workspace workspace, BangfuCli cli)
{
    public async Task<string> GetAsync(long rows, int seed, string extension)
    {
        var dir = Path.Combine(workspace.Out, "rosters");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, string.Create(CultureInfo.InvariantCulture, $"roster-{rows}-seed{seed}.{extension}"));
        if (File.Exists(path)) return path;

        var partial = Path.Combine(dir, $"partial-{Guid.NewGuid():N}.{extension}");
        Workspace.Log($"generating {rows:N0} rows as {extension} (cached for later runs) ...");
        var result = await cli.RunAsync("generate",
            ["generate", partial, "--rows", rows.ToString(CultureInfo.InvariantCulture), "--seed", seed.ToString(CultureInfo.InvariantCulture)],
            BangfuCli.NoDatabase);
        Workspace.Log($"generated in {result.Elapsed.TotalSeconds:F0} s, {new FileInfo(partial).Length / 1e6:F0} MB");
        File.Move(partial, path);
        return path;
    }
}

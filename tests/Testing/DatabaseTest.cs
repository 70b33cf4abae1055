using Bangfu.Platform.Jobs;
using Bangfu.Platform.Time;
using Bangfu.Registry.RosterImport;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Bangfu.Testing;

/// <summary>Base for tests that need a fresh database and the services over it.</summary>
public abstract class DatabaseTest : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;
    protected ServiceProvider Services { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Services = Database.BuildServices();
    }

    public virtual async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>Imports a roster with nationwide scope (or commits it when <paramref name="dryRun"/> is false).</summary>
    protected async Task<RosterImportSummary> ImportAsync(string path, string? period = "2021-12", bool dryRun = false)
    {
        await using var scope = Services.InScope();
        return await scope.Get<RosterImportService>().ImportAsync(
            new RosterImportRequest(path, Path.GetFileName(path), period is null ? null : Period.Parse(period), dryRun, UserName: "测试"),
            null as IProgress<JobProgress>, CancellationToken.None);
    }
}

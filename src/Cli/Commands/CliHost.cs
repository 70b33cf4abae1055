using Bangfu.Hosting;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Scope;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bangfu.Cli.Commands;

/// <summary>
/// Builds the same services as the web host from the same configuration (appsettings.json beside the program,
/// environment variables) and initialises the database on first use.
/// <para>The CLI runs with nationwide scope: whoever runs it has the machine's database and key file already.
/// Personal data it prints is masked all the same. The audit trail records its actions as the operating-system user,
/// from "CLI".</para>
/// </summary>
internal static class CliHost
{
    public static async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.AddBangfuLogging(console: false);
        builder.Services.AddBangfu(builder.Configuration);
        using var host = builder.Build();
        await host.Services.InitialiseBangfuAsync(cancellationToken);
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RegionScopeAccessor>().Scope = RegionScope.Nationwide;
        var actor = scope.ServiceProvider.GetRequiredService<AuditActor>();
        (actor.UserName, actor.ClientIp, actor.CorrelationId) = (Environment.UserName, "CLI", Guid.NewGuid().ToString("N"));
        return await work(scope.ServiceProvider);
    }
}

using Bangfu.Employment;
using Bangfu.Identity;
using Bangfu.Platform;
using Bangfu.Platform.Data;
using Bangfu.Registry;
using Bangfu.Reporting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;

namespace Bangfu.Hosting;

/// <summary>The composition root shared by the web host, the CLI and the migration projects.</summary>
public static class BangfuHosting
{
    /// <summary>Platform services and every module.</summary>
    public static IServiceCollection AddBangfu(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBangfuPlatform(configuration);
        services.AddRegistry();
        services.AddEmployment();
        services.AddReporting();
        services.AddBangfuIdentity(configuration);
        var dataDirectory = DatabaseSettings.From(configuration).DataDirectory;
        services.AddDataProtection()
            .SetApplicationName("Bangfu")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys", "data-protection")));
        return services;
    }

    /// <summary>
    /// Serilog to the console and to daily files under <c>{data}/logs</c>, at <c>Bangfu:LogLevel</c> (default Information;
    /// Debug adds the duration of each step of an import). Log lines carry no personal data: code logs
    /// through message templates with ids and counts only, and EF Core never logs parameter values.
    /// </summary>
    public static void AddBangfuLogging(this IHostApplicationBuilder builder, bool console = true)
    {
        var settings = DatabaseSettings.From(builder.Configuration);
        var logDirectory = builder.Configuration["Bangfu:LogDirectory"] ?? Path.Combine(settings.DataDirectory, "logs");
        var level = Enum.TryParse<LogEventLevel>(builder.Configuration["Bangfu:LogLevel"], true, out var configured) ? configured : LogEventLevel.Information;
        var logger = new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.File(Path.Combine(logDirectory, "bangfu-.log"), rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 400, shared: true);
        if (console) logger.WriteTo.Console();
        Log.Logger = logger.CreateLogger();
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(Log.Logger, dispose: false);
    }

    /// <summary>Migrates and seeds the database (idempotent); run by every host at start.</summary>
    public static async Task InitialiseBangfuAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitialiser>().InitialiseAsync(cancellationToken);
    }
}

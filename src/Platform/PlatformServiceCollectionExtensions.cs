using System.Reflection;
using Bangfu.Platform.Data;
using Bangfu.Platform.Jobs;
using Bangfu.Platform.Scope;
using Bangfu.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Platform;

public static class PlatformServiceCollectionExtensions
{
    public const string SqliteMigrationsAssembly = "Bangfu.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Bangfu.Migrations.Postgres";

    /// <summary>Database, clock, region scope, personal-data protection and background jobs.</summary>
    public static IServiceCollection AddBangfuPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = DatabaseSettings.From(configuration);
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<RegionScopeAccessor>();
        services.AddSingleton(sp => new ModelAssemblies(sp.GetServices<ModelAssembly>().Select(m => m.Assembly)));
        services.AddDbContext<AppDbContext>(options => ConfigureDbContext(options, settings));
        services.AddScoped<DatabaseInitialiser>();
        services.AddSingleton(LoadKeys(configuration, settings));
        services.AddSingleton<PersonalDataProtector>();
        services.AddSingleton<JobRunner>();
        services.AddModelAssembly(typeof(AppDbContext).Assembly);
        services.AddScoped<Audit.AuditActor>();
        services.AddScoped<Audit.AuditTrail>();
        services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());
        return services;
    }

    /// <summary>Adds an assembly whose entity configurations belong in <see cref="AppDbContext"/>.</summary>
    public static IServiceCollection AddModelAssembly(this IServiceCollection services, Assembly assembly) =>
        services.AddSingleton(new ModelAssembly(assembly));

    public static void ConfigureDbContext(DbContextOptionsBuilder options, DatabaseSettings settings)
    {
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(settings.ConnectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly).CommandTimeout(600));
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(settings.ConnectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly).CommandTimeout(600));
                break;
        }
        options.UseSnakeCaseNamingConvention();
    }

    private static PersonalDataKeys LoadKeys(IConfiguration configuration, DatabaseSettings settings)
    {
        var section = configuration.GetSection("PersonalData");
        if (!string.IsNullOrWhiteSpace(section["HashKey"]))
        {
            var keys = new PersonalDataKeys();
            section.Bind(keys);
            return keys;
        }
        var file = section["KeyFile"] ?? Path.Combine(settings.DataDirectory, "keys", "personal-data.json");
        return PersonalDataKeys.LoadOrCreate(file);
    }
}

/// <summary>A module assembly that contributes entity configurations.</summary>
public sealed record ModelAssembly(Assembly Assembly);

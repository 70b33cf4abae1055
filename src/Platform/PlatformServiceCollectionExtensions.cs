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

    /// <summary>Database, clock, region scope, personal-data protection, the audit trail and background jobs.</summary>
    public static IServiceCollection AddBangfuPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = DatabaseSettings.From(configuration);
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<RegionScopeAccessor>();
        services.AddSingleton(sp => new ModelAssemblies(sp.GetServices<ModelAssembly>().Select(m => m.Assembly)));
        services.AddDbContext<AppDbContext>(options => ConfigureDbContext(options, settings));
        services.AddScoped<DatabaseInitialiser>();
        services.AddSingleton(PersonalDataKeys.Load(configuration, settings.DataDirectory));
        services.AddSingleton<PersonalDataProtector>();
        services.AddSingleton<JobRunner>();
        services.AddModelAssembly(typeof(AppDbContext).Assembly);
        services.AddScoped<Audit.AuditActor>();
        services.AddScoped<Audit.AuditTrail>();
        services.AddSingleton<Audit.AuditVerificationStatus>();
        services.AddScoped<IDatabaseSeeder, Audit.AuditTrailProtection>();
        services.AddSingleton(Audit.AuditRetentionSettings.From(configuration));
        services.AddScoped<Audit.AuditRetention>();
        services.AddScoped<Audit.AuditSearch>();
        services.AddScoped<PersonalDataReencryption>();
        services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());
        services.AddHostedService<Audit.AuditRetentionService>();
        return services;
    }

    /// <summary>Declares a column of ciphertexts written by <see cref="PersonalDataProtector"/> (for key rotation).</summary>
    public static IServiceCollection AddEncryptedColumn(this IServiceCollection services, EncryptedColumn column) =>
        services.AddSingleton(column);

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
}

/// <summary>A module assembly that contributes entity configurations.</summary>
public sealed record ModelAssembly(Assembly Assembly);

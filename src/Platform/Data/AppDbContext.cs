using System.Linq.Expressions;
using System.Reflection;
using Bangfu.Platform.Scope;
using Bangfu.Platform.Time;
using Bangfu.Platform.Users;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Bangfu.Platform.Data;

/// <summary>
/// The one database context, assembled from the modules' <c>IEntityTypeConfiguration</c> classes.
/// Adds the region-scope filter to every <see cref="IRegionScoped"/> entity, checks the scope of every write,
/// and increments <see cref="IVersioned.Version"/> on update.
/// </summary>
public sealed class AppDbContext(
    DbContextOptions<AppDbContext> options,
    ModelAssemblies modelAssemblies,
    RegionScopeAccessor scopeAccessor) : IdentityDbContext<AppUser, AppRole, string>(options)
{
    public const string RegionScopeFilter = "RegionScope";

    /// <summary>The caller's scope prefix, read by the query filter at execution time (null: no data).</summary>
    public string? ScopePrefix => scopeAccessor.Scope.Prefix;

    public RegionScope Scope => scopeAccessor.Scope;

    /// <summary>
    /// A second context with this one's options and the same caller's scope, on a connection of its own, for a query to
    /// run beside one of this context (a context runs one query at a time). The caller disposes it.
    /// </summary>
    public AppDbContext CreateSibling() =>
        new((DbContextOptions<AppDbContext>)this.GetService<IDbContextOptions>(), modelAssemblies, scopeAccessor);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Period>().HaveConversion<PeriodConverter>();
        if (Database.IsSqlite())
        {
            // 16-byte keys instead of 36-character text: smaller rows and indexes on the embedded database. Big-endian, so
            // time-ordered (version 7) ids also sort in time order and index inserts append instead of scattering.
            configurationBuilder.Properties<Guid>().HaveConversion<BigEndianGuidConverter>();
            // Instants as UTC ticks: SQLite has no time type, and text would not sort or compare in queries.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AppUser>(b =>
        {
            b.ToTable("idn_user");
            b.Property(u => u.DisplayName).HasMaxLength(100);
            b.Property(u => u.RegionCode).HasMaxLength(12);
        });
        builder.Entity<AppRole>(b =>
        {
            b.ToTable("idn_role");
            b.Property(r => r.DisplayName).HasMaxLength(50);
        });
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserRole<string>>().ToTable("idn_user_role");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<string>>().ToTable("idn_user_claim");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<string>>().ToTable("idn_user_login");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<string>>().ToTable("idn_user_token");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityRoleClaim<string>>().ToTable("idn_role_claim");

        foreach (var assembly in modelAssemblies.Assemblies)
            builder.ApplyConfigurationsFromAssembly(assembly);

        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            var clr = entityType.ClrType;
            if (typeof(IRegionScoped).IsAssignableFrom(clr))
                builder.Entity(clr).HasQueryFilter(RegionScopeFilter, BuildScopeFilter(clr));
            if (typeof(IVersioned).IsAssignableFrom(clr))
                builder.Entity(clr).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }
    }

    // e => this.ScopePrefix != null && e.RegionCode.StartsWith(this.ScopePrefix)
    private LambdaExpression BuildScopeFilter(Type clr)
    {
        var e = Expression.Parameter(clr, "e");
        var prefix = Expression.Property(Expression.Constant(this), nameof(ScopePrefix));
        var regionCode = Expression.Property(e, clr.GetProperty(nameof(IRegionScoped.RegionCode))
            ?? throw new InvalidOperationException($"{clr.Name} 缺少 RegionCode 属性"));
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        var body = Expression.AndAlso(
            Expression.NotEqual(prefix, Expression.Constant(null, typeof(string))),
            Expression.Call(regionCode, startsWith, prefix));
        return Expression.Lambda(body, e);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BeforeSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BeforeSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void BeforeSave()
    {
        var scope = scopeAccessor.Scope;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            if (entry.Entity is IRegionScoped scoped)
            {
                // A write must stay inside the caller's scope before and after the change.
                var original = entry.State == EntityState.Added
                    ? scoped.RegionCode
                    : entry.Property(nameof(IRegionScoped.RegionCode)).OriginalValue as string;
                if (!scope.Contains(scoped.RegionCode) || !scope.Contains(original))
                    throw new RegionScopeViolationException(entry.Metadata.ClrType.Name);
            }
            if (entry.State == EntityState.Modified && entry.Entity is IVersioned versioned)
                versioned.Version++;
        }
    }

    private sealed class PeriodConverter() : ValueConverter<Period, int>(p => p.Value, v => Period.FromValue(v));

    internal sealed class BigEndianGuidConverter() : ValueConverter<Guid, byte[]>(g => g.ToByteArray(true), b => new Guid(b, true));

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(t => t.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
}

/// <summary>A write that would touch a record outside the caller's region scope.</summary>
public sealed class RegionScopeViolationException(string entity)
    : InvalidOperationException($"不能修改管辖区域以外的数据（{entity}）。");

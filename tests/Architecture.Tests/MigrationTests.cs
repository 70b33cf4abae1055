using Microsoft.EntityFrameworkCore;

namespace Bangfu.Architecture.Tests;

/// <summary>
/// Each provider's migration project must describe the model as the code defines it; a change to an
/// entity without a regenerated migration fails here on either provider, without a database server.
/// </summary>
public sealed class MigrationTests
{
    [Fact]
    public void The_SQLite_migrations_match_the_model()
    {
        using var db = new Bangfu.Migrations.Sqlite.DesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(),
            "SQLite 迁移与模型不一致：请按 docs/architecture.md 重新生成 Initial 迁移。");
    }

    [Fact]
    public void The_PostgreSQL_migrations_match_the_model()
    {
        using var db = new Bangfu.Migrations.Postgres.DesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(),
            "PostgreSQL 迁移与模型不一致：请按 docs/architecture.md 重新生成 Initial 迁移。");
    }
}

using Bangfu.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Bangfu.Platform.Audit;

/// <summary>
/// Makes the audit trail append-only in the database itself, so that not even the application's own connection can
/// change history (GB/T 22239-2019 8.1.4.3 c: audit records are protected against unexpected deletion, modification or
/// overwriting; Cybersecurity Law art. 21(3): kept no less than six months):
/// <list type="bullet">
/// <item>an entry of <c>aud_event</c> can never be updated;</item>
/// <item>it can be deleted only once it is older than <see cref="LegalMinimumDays"/> days (the database's clock);</item>
/// <item>the chain head <c>aud_chain</c> cannot be deleted, never moves backwards, and its retention anchor moves only
/// over entries already deleted, so the anchor cannot be used to hide entries still present.</item>
/// </list>
/// Created at every start, idempotently: <c>CREATE TRIGGER IF NOT EXISTS</c> on SQLite; on PostgreSQL
/// <c>CREATE OR REPLACE FUNCTION</c>, <c>DROP TRIGGER IF EXISTS</c>, <c>CREATE TRIGGER</c> in one transaction under an
/// advisory lock (several instances may start at once), plus statement triggers against <c>TRUNCATE</c>, which skips
/// row triggers. When the application runs as a restricted PostgreSQL role that does not own the tables
/// (docs/security.md), it checks that the triggers are there instead.
/// </summary>
public sealed class AuditTrailProtection(AppDbContext db, DatabaseSettings settings, ILogger<AuditTrailProtection> logger) : IDatabaseSeeder
{
    /// <summary>Six months, rounded up to the longest six consecutive months (31+31+30+31+30+31).</summary>
    public const int LegalMinimumDays = 184;

    /// <summary>The triggers of a provider: name and table (a DBA who means to change history has to drop them first).</summary>
    public static IReadOnlyList<(string Name, string Table)> Triggers(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite
        ? [("aud_event_no_update", "aud_event"), ("aud_event_no_early_delete", "aud_event"), ("aud_chain_forward_only", "aud_chain"), ("aud_chain_no_delete", "aud_chain")]
        : [("aud_event_append_only", "aud_event"), ("aud_event_no_truncate", "aud_event"), ("aud_chain_forward_only", "aud_chain"), ("aud_chain_no_truncate", "aud_chain")];

    public int Order => 1;

    // .NET ticks at the Unix epoch; SQLite stores instants as UTC ticks (AppDbContext).
    private const long UnixEpochTicks = 621_355_968_000_000_000;

    private static readonly string SqliteSql = $"""
        CREATE TRIGGER IF NOT EXISTS aud_event_no_update BEFORE UPDATE ON aud_event
        BEGIN SELECT RAISE(ABORT, '审计日志只能追加，不能修改'); END;
        CREATE TRIGGER IF NOT EXISTS aud_event_no_early_delete BEFORE DELETE ON aud_event
        WHEN OLD.at > (CAST(strftime('%s', 'now') AS INTEGER) - {LegalMinimumDays} * 86400) * 10000000 + {UnixEpochTicks}
        BEGIN SELECT RAISE(ABORT, '审计日志保存不足 {LegalMinimumDays} 天，不能删除'); END;
        CREATE TRIGGER IF NOT EXISTS aud_chain_forward_only BEFORE UPDATE ON aud_chain
        WHEN NEW.last_id < OLD.last_id OR NEW.trimmed_through_id < OLD.trimmed_through_id
          OR (NEW.trimmed_through_id > OLD.trimmed_through_id AND EXISTS (SELECT 1 FROM aud_event WHERE id <= NEW.trimmed_through_id))
        BEGIN SELECT RAISE(ABORT, '审计哈希链头只能向前移动，保留期锚点只能越过已删除的记录'); END;
        CREATE TRIGGER IF NOT EXISTS aud_chain_no_delete BEFORE DELETE ON aud_chain
        BEGIN SELECT RAISE(ABORT, '审计哈希链头不能删除'); END;
        """;

    private static readonly string PostgresSql = $$"""
        SELECT pg_advisory_xact_lock(7155180);
        CREATE OR REPLACE FUNCTION aud_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
          IF TG_OP = 'DELETE' THEN
            IF OLD.at > now() - interval '{{LegalMinimumDays}} days' THEN
              RAISE EXCEPTION '审计日志保存不足 {{LegalMinimumDays}} 天，不能删除';
            END IF;
            RETURN OLD;
          END IF;
          RAISE EXCEPTION '审计日志只能追加，不能修改';
        END
        $fn$;
        CREATE OR REPLACE FUNCTION aud_chain_forward_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
          IF TG_OP = 'UPDATE' THEN
            IF NEW.last_id < OLD.last_id OR NEW.trimmed_through_id < OLD.trimmed_through_id
               OR (NEW.trimmed_through_id > OLD.trimmed_through_id AND EXISTS (SELECT 1 FROM aud_event WHERE id <= NEW.trimmed_through_id)) THEN
              RAISE EXCEPTION '审计哈希链头只能向前移动，保留期锚点只能越过已删除的记录';
            END IF;
            RETURN NEW;
          END IF;
          RAISE EXCEPTION '审计哈希链头不能删除';
        END
        $fn$;
        DROP TRIGGER IF EXISTS aud_event_append_only ON aud_event;
        CREATE TRIGGER aud_event_append_only BEFORE UPDATE OR DELETE ON aud_event FOR EACH ROW EXECUTE FUNCTION aud_event_append_only();
        DROP TRIGGER IF EXISTS aud_event_no_truncate ON aud_event;
        CREATE TRIGGER aud_event_no_truncate BEFORE TRUNCATE ON aud_event FOR EACH STATEMENT EXECUTE FUNCTION aud_event_append_only();
        DROP TRIGGER IF EXISTS aud_chain_forward_only ON aud_chain;
        CREATE TRIGGER aud_chain_forward_only BEFORE UPDATE OR DELETE ON aud_chain FOR EACH ROW EXECUTE FUNCTION aud_chain_forward_only();
        DROP TRIGGER IF EXISTS aud_chain_no_truncate ON aud_chain;
        CREATE TRIGGER aud_chain_no_truncate BEFORE TRUNCATE ON aud_chain FOR EACH STATEMENT EXECUTE FUNCTION aud_chain_forward_only();
        """;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync(SqliteSql, cancellationToken);
            return;
        }
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync(PostgresSql, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.InsufficientPrivilege)
        {
            // A restricted application role: the owner role installs the triggers (docs/security.md); check they are there.
            var names = Triggers(settings.Provider).Select(t => t.Name).ToArray();
            var present = await db.Database.SqlQueryRaw<int>(
                    "SELECT count(*)::int AS \"Value\" FROM pg_trigger WHERE NOT tgisinternal AND tgname = ANY({0})", names)
                .SingleAsync(cancellationToken);
            if (present == names.Length)
                logger.LogInformation("Audit trail triggers present (installed by the table owner)");
            else
                logger.LogError("Audit trail triggers missing ({Present} of {Expected}) and this role may not create them: run any bangfu command as the table owner",
                    present, names.Length);
        }
    }
}

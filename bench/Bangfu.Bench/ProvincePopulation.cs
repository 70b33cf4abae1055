using System.Globalization;
using Npgsql;

namespace Bangfu.Bench;

/// <summary>
/// A province of N persons written straight into <c>emp_situation</c> with SQL, for the report benchmark: the import
/// would take hours at this size and is not what is being measured.
/// <para>Persons live in the real villages of Hunan (code prefix 43, level 5 of <c>reg_region</c>), about 3.4 to a
/// household, households in consecutive blocks per village. Shares (drawn from a hash of the person number, so every
/// population of the same size is the same): 60% labour force; two thirds of it employed, split 40/30/30 outside the
/// province / in the province outside the county / in the county; 5% of persons in a workshop (among those employed in
/// the county), 4% in a public-welfare job (labour force not otherwise employed); 2% returned home in 2021-12.
/// Every person has one situation covering 2021-12; 10% also have an earlier one that ended in 2021-07 and 3% a later
/// one starting 2022-03, so the interval predicate matters. 20% of persons start in 2021-03, so 2020-12 differs.</para>
/// <para>The database is kept (named after N) and reused by later runs: a comment on the table records what it holds.</para>
/// </summary>
public sealed class ProvincePopulation(PostgresServer server, BangfuCli cli, Workspace workspace)
{
    private const string Recipe = "bench-population v1";

    public static string DatabaseName(long persons) => string.Create(CultureInfo.InvariantCulture, $"bangfu_bench_report_{persons}");

    public string DataDirectory(long persons) => Path.Combine(workspace.Out, "report-data", persons.ToString(CultureInfo.InvariantCulture));

    /// <summary>Makes sure the database holds the population of <paramref name="persons"/>; returns its name.</summary>
    public async Task<string> EnsureAsync(long persons)
    {
        var name = DatabaseName(persons);
        var marker = string.Create(CultureInfo.InvariantCulture, $"{Recipe} persons={persons}");
        if (await server.DatabaseExistsAsync(name)
            && await server.ScalarAsync<object>(name, "SELECT coalesce(obj_description('emp_situation'::regclass, 'pg_class'), '')") is string comment
            && comment == marker)
        {
            Workspace.Log($"reusing {name} ({persons:N0} persons)");
            return name;
        }

        await server.DropDatabaseAsync(name);
        await server.CreateDatabaseAsync(name);
        await cli.InitialiseAsync(server.Bangfu(name, DataDirectory(persons)));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        Workspace.Log($"populating {name} with {persons:N0} persons (SQL only; a few minutes for 10 million) ...");
        await using var conn = new NpgsqlConnection(server.ConnectionStringFor(name));
        await conn.OpenAsync();
        await ExecuteAsync(conn, "SET synchronous_commit = off; SET maintenance_work_mem = '512MB'; TRUNCATE emp_situation;");

        // Build the indexes once after the load rather than maintaining them row by row; the definitions are the
        // migration's own, read back from the catalogue.
        var indexes = new List<(string Name, string Definition)>();
        await using (var cmd = new NpgsqlCommand(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'emp_situation' AND indexname <> 'pk_emp_situation'", conn))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        var primaryKey = await ScalarAsync(conn,
            "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'pk_emp_situation'");
        await ExecuteAsync(conn, "ALTER TABLE emp_situation DROP CONSTRAINT pk_emp_situation;"
            + string.Concat(indexes.Select(i => $"DROP INDEX {i.Name};")));

        await ExecuteAsync(conn, PopulateSql(persons));
        Workspace.Log($"rows written in {clock.Elapsed.TotalSeconds:F0} s; building indexes ...");
        await ExecuteAsync(conn, $"ALTER TABLE emp_situation ADD CONSTRAINT pk_emp_situation {primaryKey};" + string.Concat(indexes.Select(i => i.Definition + ";")));
        await ExecuteAsync(conn, "VACUUM (ANALYZE) emp_situation");
        await ExecuteAsync(conn, $"COMMENT ON TABLE emp_situation IS '{marker}'");
        Workspace.Log($"populated in {clock.Elapsed.TotalSeconds:F0} s: {await ScalarAsync(conn, "SELECT count(*)::text FROM emp_situation")} situations");
        return name;
    }

    private static string PopulateSql(long persons) => string.Create(CultureInfo.InvariantCulture, $$"""
        SET synchronous_commit = off;
        CREATE TEMP TABLE bench_village AS
            SELECT (row_number() OVER (ORDER BY code) - 1)::int AS i, code
            FROM reg_region WHERE level = 5 AND code LIKE '43%' AND retired_in_edition IS NULL;
        CREATE TEMP TABLE bench_person AS
        WITH p AS (
            SELECT n, n * 10 / 34 AS h,
                   (hashint8extended(n, 1) & 1048575) / 1048576.0 AS r1,
                   (hashint8extended(n, 2) & 1048575) / 1048576.0 AS r2,
                   (hashint8extended(n, 3) & 1048575) / 1048576.0 AS r3,
                   (hashint8extended(n, 4) & 1048575) / 1048576.0 AS r4,
                   (hashint8extended(n, 5) & 1048575) / 1048576.0 AS r5,
                   (hashint8extended(n, 6) & 1048575) / 1048576.0 AS r6
            FROM generate_series(0::bigint, {{persons - 1}}::bigint) AS n
        ), facts AS (
            SELECT n, h, r5, r6, r1 < 0.6 AS lf, r1 < 0.4 AS employed,
                   CASE WHEN r1 >= 0.4 THEN 0 WHEN r2 < 0.4 THEN 1 WHEN r2 < 0.7 THEN 2 ELSE 3 END::smallint AS workplace,
                   r1 < 0.4 AND r2 >= 0.7 AND r3 < 5.0 / 12 AS workshop,
                   r1 >= 0.4 AND r1 < 0.6 AND r3 < 0.2 AS public_welfare_job,
                   r4
            FROM p
        )
        SELECT f.*, v.code AS region_code
        FROM facts f
        JOIN bench_village v ON v.i = (f.h * (SELECT count(*) FROM bench_village) / ({{persons}} * 10 / 34 + 1))::int;

        -- The situation covering 2021-12 of every person.
        INSERT INTO emp_situation (id, county_code, region_code, person_id, household_id, from_period, to_period,
            in_labour_force, employed, workplace, workshop, public_welfare_job, self_employed, months_worked,
            returned_on, status, recorded_at, recorded_by)
        SELECT ('00000000-0000-7000-8000-' || lpad(to_hex(n * 2), 12, '0'))::uuid, left(region_code, 6), region_code,
               ('00000000-0000-7000-9000-' || lpad(to_hex(n), 12, '0'))::uuid,
               ('00000000-0000-7000-a000-' || lpad(to_hex(h), 12, '0'))::uuid,
               CASE WHEN r5 < 0.10 THEN 202107 WHEN r4 < 0.2 THEN 202103 ELSE 202001 END,
               CASE WHEN r5 >= 0.10 AND r5 < 0.13 THEN 202203 END,
               lf, employed, workplace, workshop, public_welfare_job, employed AND workplace = 3 AND NOT workshop AND r6 < 0.1,
               CASE WHEN employed THEN 8 END,
               CASE WHEN r6 > 0.98 THEN date '2021-12-01' + (n % 31)::int WHEN r6 > 0.97 THEN date '2021-06-15' END,
               CASE WHEN NOT lf THEN 0 WHEN workshop THEN 2 WHEN employed THEN 1 WHEN public_welfare_job THEN 3 ELSE 5 END::smallint,
               now(), 'bench'
        FROM bench_person;

        -- 10%: an earlier situation that ended before 2021-12; 3%: a later one that starts after it.
        INSERT INTO emp_situation (id, county_code, region_code, person_id, household_id, from_period, to_period,
            in_labour_force, employed, workplace, workshop, public_welfare_job, self_employed, returned_on, status,
            recorded_at, recorded_by)
        SELECT ('00000000-0000-7000-8000-' || lpad(to_hex(n * 2 + 1), 12, '0'))::uuid, left(region_code, 6), region_code,
               ('00000000-0000-7000-9000-' || lpad(to_hex(n), 12, '0'))::uuid,
               ('00000000-0000-7000-a000-' || lpad(to_hex(h), 12, '0'))::uuid,
               CASE WHEN r5 < 0.10 THEN CASE WHEN r4 < 0.2 THEN 202103 ELSE 202001 END ELSE 202203 END,
               CASE WHEN r5 < 0.10 THEN 202107 END,
               true, false, 0, false, false, false, NULL, 5, now(), 'bench'
        FROM bench_person WHERE r5 < 0.13;
        DROP TABLE bench_person;
        DROP TABLE bench_village;
        """);

    private static async Task ExecuteAsync(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<string> ScalarAsync(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        return (string)(await cmd.ExecuteScalarAsync())!;
    }
}

using Bangfu.Employment.Contracts;
using Bangfu.Platform.Data;
using Bangfu.Registry.CodeLists;
using Bangfu.Registry.Contracts;

namespace Bangfu.Employment.Situations;

/// <summary>
/// Records each imported person's employment situation for the import's period, from the roster columns, by the
/// definitions of the monthly dispatch:
/// <list type="bullet">
/// <item>labour force: 劳动技能 普通劳动力, 技能劳动力 or 弱劳动力或半劳动力 (code-list attribute labour_force);</item>
/// <item>employed: 务工时间（月） &gt; 0; workplace: 是否国外务工 = 是 or 务工所在地 in another province → outside the
/// province; in the home county → in the county; elsewhere in the province → in the province outside the county;</item>
/// <item>workshop: 就业渠道 帮扶车间; public-welfare job: 公益性岗位类型 given; self-employed: 就业渠道 自主创业 and employed.</item>
/// </list>
/// The national export has no field for the wish to work, so an able person without work is taken as unemployed and
/// willing (the 311 service's target group) until the village's monthly round says otherwise; a willingness recorded
/// in a round is kept when a later roster changes the situation.
/// <para>The situation covering the period is kept when nothing changed, replaced when it started in this period, and
/// otherwise ended here and followed by the new one. Villages that have closed the period are left as they are.</para>
/// </summary>
internal sealed class RosterSituationHandler : IRosterImportHandler
{
    private const string S = RosterImportContext.StageTable;

    /// <summary>A roster for a month the village has already closed does not change that month's situations.</summary>
    public static readonly QualityRule MonthClosed = new("MONTH_CLOSED", IssueSeverity.Warning,
        "该村本月已关账，就业情况未按本文件更新", "月调度关账规则");

    public IReadOnlyList<QualityRule> Rules { get; } = [MonthClosed];

    public async Task<IReadOnlyList<RowIssue>> HandleAsync(RosterImportContext context, CancellationToken ct)
    {
        var (connection, tx) = (context.Connection, context.Transaction);
        var dialect = new SqlDialect(context.Provider);
        var p = new (string, object?)[] { ("@p", context.Period.Value), ("@now", context.Now), ("@import", context.ImportId), ("@by", context.UserName) };

        var issues = new List<RowIssue>();
        // One finding per closed village (at its first row, with the number of its rows), not one per row.
        await connection.ReadAsync(tx, $"""
            SELECT min(s.row_number), s.region_code, count(*) FROM {S} s
            WHERE s.refused = FALSE AND EXISTS (SELECT 1 FROM emp_village_month v WHERE v.county_code = s.county_code AND v.region_code = s.region_code AND v.period = @p)
            GROUP BY s.region_code ORDER BY min(s.row_number)
            """, r => issues.Add(new RowIssue(r.GetInt32(0), "务工时间（月）", MonthClosed,
                $"{context.Period.ToChinese()}该村已关账：本村 {r.GetInt32(2)} 行（从第 {r.GetInt32(0)} 行起）的务工情况没有更新，登记信息已更新。如需更正，请联系县级管理员重新打开该月。", r.GetString(1))),
            ct, p);
        if (context.DryRun) return issues;

        var codes = CodeLists.Default;
        string In(CodeList list, string attribute) =>
            string.Join(", ", list.Items.Where(i => i.Has(attribute)).Select(i => $"'{i.Code}'").DefaultIfEmpty("''"));
        var labourForce = In(codes.LabourCapacity, "labour_force");
        var workshop = In(codes.EmploymentChannel, "workshop");
        var selfEmployed = In(codes.EmploymentChannel, "self_employed");
        var employed = "COALESCE(s.months_worked, 0) > 0";
        var workplace = $"""
            CASE WHEN NOT ({employed}) THEN 0
                 WHEN s.works_abroad = TRUE THEN 1
                 WHEN s.workplace_region_code IS NULL THEN 9
                 WHEN substr(s.workplace_region_code, 1, 2) <> substr(s.region_code, 1, 2) THEN 1
                 WHEN length(s.workplace_region_code) >= 6 AND substr(s.workplace_region_code, 1, 6) = substr(s.region_code, 1, 6) THEN 3
                 WHEN length(s.workplace_region_code) >= 6 THEN 2
                 WHEN length(s.workplace_region_code) = 4 AND s.workplace_region_code <> substr(s.region_code, 1, 4) THEN 2
                 ELSE 9 END
            """;
        // Each incoming situation with the one covering the period (if any) and what to do about it:
        // S same facts; R replace it (it starts this period); X end it and start a new one; I insert.
        var facts = $"""
            SELECT s.county_code, s.region_code, s.person_id, s.household_id,
                   CASE WHEN s.labour_capacity_code IN ({labourForce}) THEN TRUE ELSE FALSE END AS in_labour_force,
                   CASE WHEN {employed} THEN TRUE ELSE FALSE END AS employed,
                   {workplace} AS workplace,
                   CASE WHEN s.employment_channel_code IN ({workshop}) THEN TRUE ELSE FALSE END AS workshop,
                   CASE WHEN s.public_welfare_job_code IS NOT NULL THEN TRUE ELSE FALSE END AS public_welfare_job,
                   CASE WHEN {employed} AND s.employment_channel_code IN ({selfEmployed}) THEN TRUE ELSE FALSE END AS self_employed,
                   s.workplace_region_code, s.employer_name, s.months_worked,
                   c.id AS cover_id, c.from_period AS cover_from, c.to_period AS cover_to,
                   c.willing_to_work AS willing_to_work, c.willing_to_work_away AS willing_to_work_away,
                   c.household_id AS c_household_id, c.region_code AS c_region_code, c.in_labour_force AS c_in_labour_force,
                   c.employed AS c_employed, c.workplace AS c_workplace, c.workshop AS c_workshop,
                   c.public_welfare_job AS c_public_welfare_job, c.self_employed AS c_self_employed,
                   c.workplace_region_code AS c_workplace_region_code, c.employer_name AS c_employer_name, c.months_worked AS c_months_worked
            FROM {S} s
            LEFT JOIN emp_situation c ON c.county_code = s.county_code AND c.person_id = s.person_id
                  AND c.from_period <= @p AND (c.to_period IS NULL OR c.to_period > @p)
            WHERE s.refused = FALSE AND s.person_id IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM emp_village_month v WHERE v.county_code = s.county_code AND v.region_code = s.region_code AND v.period = @p)
            """;
        await connection.ExecuteAsync(tx, dialect.CreateTempTableAs("emp_incoming", $"""
            SELECT f.*, CASE
                WHEN f.cover_id IS NULL THEN 'I'
                WHEN f.c_household_id = f.household_id AND f.c_region_code = f.region_code AND f.c_in_labour_force = f.in_labour_force
                     AND f.c_employed = f.employed AND f.c_workplace = f.workplace AND f.c_workshop = f.workshop
                     AND f.c_public_welfare_job = f.public_welfare_job AND f.c_self_employed = f.self_employed
                     AND f.c_workplace_region_code IS NOT DISTINCT FROM f.workplace_region_code
                     AND f.c_employer_name IS NOT DISTINCT FROM f.employer_name
                     AND f.c_months_worked IS NOT DISTINCT FROM f.months_worked THEN 'S'
                WHEN f.cover_from = @p THEN 'R'
                ELSE 'X' END AS action
            FROM ({facts}) f
            """), ct, p);
        await connection.ExecuteAsync(tx, "CREATE INDEX emp_incoming_cover ON emp_incoming (county_code, cover_id)", ct);
        var status = """
            CASE WHEN i.employed AND i.workshop THEN 2
                 WHEN i.employed AND i.self_employed THEN 4
                 WHEN i.employed THEN 1
                 WHEN i.public_welfare_job THEN 3
                 WHEN NOT i.in_labour_force THEN 0
                 WHEN i.willing_to_work = FALSE THEN 6
                 ELSE 5 END
            """;
        await connection.ExecuteAsync(tx, $"""
            UPDATE emp_situation SET household_id = i.household_id, region_code = i.region_code, in_labour_force = i.in_labour_force,
                   employed = i.employed, workplace = i.workplace, workshop = i.workshop, public_welfare_job = i.public_welfare_job,
                   self_employed = i.self_employed, workplace_region_code = i.workplace_region_code, employer_name = i.employer_name,
                   months_worked = i.months_worked, returned_on = NULL, status = {status},
                   import_id = @import, recorded_at = @now, recorded_by = @by
            FROM emp_incoming i
            WHERE emp_situation.county_code = i.county_code AND emp_situation.id = i.cover_id AND i.action = 'R'
            """, ct, p);
        await connection.ExecuteAsync(tx, """
            UPDATE emp_situation SET to_period = @p
            FROM emp_incoming i WHERE emp_situation.county_code = i.county_code AND emp_situation.id = i.cover_id AND i.action = 'X'
            """, ct, p);
        // A person's first situation takes the person's time-ordered id (ids are unique per table): index inserts append.
        await connection.ExecuteAsync(tx, $"""
            INSERT INTO emp_situation (id, county_code, region_code, person_id, household_id, from_period, to_period, in_labour_force,
                   employed, workplace, workshop, public_welfare_job, self_employed, willing_to_work, willing_to_work_away,
                   workplace_region_code, employer_name, months_worked, returned_on, status, import_id, recorded_at, recorded_by)
            SELECT CASE WHEN i.action = 'I' AND NOT EXISTS (SELECT 1 FROM emp_situation x WHERE x.county_code = i.county_code AND x.id = i.person_id)
                        THEN i.person_id ELSE {dialect.NewId} END,
                   i.county_code, i.region_code, i.person_id, i.household_id, @p,
                   CASE WHEN i.action = 'X' THEN i.cover_to
                        ELSE (SELECT min(n.from_period) FROM emp_situation n WHERE n.county_code = i.county_code AND n.person_id = i.person_id AND n.from_period > @p) END,
                   i.in_labour_force, i.employed, i.workplace, i.workshop, i.public_welfare_job, i.self_employed,
                   i.willing_to_work, i.willing_to_work_away, i.workplace_region_code, i.employer_name, i.months_worked, NULL,
                   {status}, @import, @now, @by
            FROM emp_incoming i WHERE i.action IN ('I', 'X')
            """, ct, p);
        await connection.ExecuteAsync(tx, dialect.DropTempTable("emp_incoming"), ct);
        return issues;
    }
}

using Bangfu.Registry.Contracts;
using System.Data.Common;
using Bangfu.Platform.Data;
using Bangfu.Registry.DataQuality;

namespace Bangfu.Registry.RosterImport;

/// <summary>
/// The checks that need the whole file, run as SQL on the stage table: one person listed twice, a person already
/// registered in another county (errors: the row is refused), and the household checks of the county review
/// (warnings: one head, at most one spouse, head and spouse of different sex, head columns that match the head).
/// </summary>
internal sealed class RosterFileChecks(DbConnection connection, DbTransaction transaction, ImportIssueWriter issues)
{
    private static readonly string Head = CodeLists.CodeLists.Default.Relationship.Items.First(i => i.Attributes.GetValueOrDefault("role") == "head").Code;
    private static readonly string Spouse = CodeLists.CodeLists.Default.Relationship.Items.First(i => i.Attributes.GetValueOrDefault("role") == "spouse").Code;
    private const string S = RosterStage.Name;

    /// <param name="refusedHouseholds">Household numbers with a row refused while reading, and that row's finding.</param>
    /// <returns>The number of rows refused by these checks.</returns>
    public async Task<int> RunAsync(IReadOnlyDictionary<string, RowIssue> refusedHouseholds, CancellationToken ct)
    {
        await connection.ExecuteAsync(transaction,
            $"CREATE INDEX {S}_id ON {S} (id_number_hash); CREATE INDEX {S}_household ON {S} (county_code, household_number, relationship_code); " +
            $"CREATE INDEX {S}_household_number ON {S} (household_number); CREATE INDEX {S}_row ON {S} (row_number); ANALYZE {S};", ct);
        var refused = await IncompleteHouseholdsAsync(refusedHouseholds, ct);
        refused += await DuplicatesAsync(ct);
        refused += await RegisteredElsewhereAsync(ct);
        await HouseholdsAsync(ct);
        return refused;
    }

    // Households are registered whole (以户为单位): when a member's row is refused, the rest of the household is refused
    // too, rather than entering half a household (which would also misstate heads, household counts and the dispatch).
    private async Task<int> IncompleteHouseholdsAsync(IReadOnlyDictionary<string, RowIssue> refusedHouseholds, CancellationToken ct)
    {
        if (refusedHouseholds.Count == 0) return 0;
        var found = new List<RowIssue>();
        await using (var cmd = SqlCommands.Create(connection, transaction,
                         $"SELECT row_number, region_code FROM {S} WHERE household_number = @household AND refused = FALSE", [("@household", "")]))
        {
            foreach (var (household, cause) in refusedHouseholds)
            {
                cmd.Parameters[0].Value = household;
                await using var reader = await cmd.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                    found.Add(new RowIssue(reader.GetInt32(0), cause.Column, QualityRules.HouseholdIncomplete,
                        $"同户（户编号 {household}）第 {cause.Row} 行被拒收：{cause.Message} 为免只导入半户，本户其他成员也暂不导入；改正该行后重新导入整个文件即可。",
                        reader.GetString(1)));
            }
        }
        await RefuseAsync(found, ct);
        return found.Count;
    }

    private async Task<int> DuplicatesAsync(CancellationToken ct)
    {
        var found = new List<RowIssue>();
        await connection.ReadAsync(transaction, $"""
            SELECT s.row_number, s.region_code, f.first_row, s.id_number_masked
            FROM {S} s JOIN (SELECT id_number_hash, min(row_number) AS first_row FROM {S} GROUP BY id_number_hash HAVING count(*) > 1) f
              ON f.id_number_hash = s.id_number_hash
            WHERE s.row_number <> f.first_row
            """, r => found.Add(new RowIssue(r.GetInt32(0), "证件号码", QualityRules.DuplicateInFile,
                $"证件号码 {r.GetString(3)} 在第 {r.GetInt32(2)} 行已经出现过。同一人在文件中只能出现一次，本行未导入，请删除重复行。", r.GetString(1))), ct);
        await RefuseAsync(found, ct);
        return found.Count;
    }

    private async Task<int> RegisteredElsewhereAsync(CancellationToken ct)
    {
        // The message names no county: the other county may be outside the importer's scope.
        var found = new List<RowIssue>();
        await connection.ReadAsync(transaction, $"""
            SELECT s.row_number, s.region_code, s.id_number_masked FROM {S} s
            WHERE s.refused = FALSE AND EXISTS (SELECT 1 FROM reg_person p WHERE p.id_number_hash = s.id_number_hash AND p.county_code <> s.county_code)
            """, r => found.Add(new RowIssue(r.GetInt32(0), "证件号码", QualityRules.RegisteredElsewhere,
                $"证件号码 {r.GetString(2)} 已在其他县登记。一人只能在一个县登记；如已迁入本县，请先由原县办理迁出。", r.GetString(1))), ct);
        await RefuseAsync(found, ct);
        return found.Count;
    }

    private async Task HouseholdsAsync(CancellationToken ct)
    {
        var found = new List<RowIssue>();
        await connection.ReadAsync(transaction, $"""
            SELECT min(row_number), min(region_code), household_number,
                   sum(CASE WHEN relationship_code = @head THEN 1 ELSE 0 END),
                   sum(CASE WHEN relationship_code = @spouse THEN 1 ELSE 0 END),
                   count(DISTINCT region_code)
            FROM {S} WHERE refused = FALSE GROUP BY county_code, household_number
            HAVING sum(CASE WHEN relationship_code = @head THEN 1 ELSE 0 END) <> 1
                OR sum(CASE WHEN relationship_code = @spouse THEN 1 ELSE 0 END) > 1
                OR count(DISTINCT region_code) > 1
            """, r =>
        {
            var (row, village, household, heads, spouses, villages) = (r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5));
            if (heads == 0)
                found.Add(new RowIssue(row, "与户主关系", QualityRules.HouseholdNoHead,
                    $"户编号 {household} 的户内没有户主。每户须有且只有一名成员的与户主关系为“户主”。", village));
            if (villages > 1)
                found.Add(new RowIssue(row, "村", QualityRules.HouseholdSeveralVillages,
                    $"户编号 {household} 的成员分属 {villages} 个村。同一户的成员应在同一个村。", village));
        }, ct, ("@head", Head), ("@spouse", Spouse));

        foreach (var (code, rule, what) in new[] { (Head, QualityRules.HouseholdSeveralHeads, "户主"), (Spouse, QualityRules.HouseholdSeveralSpouses, "配偶") })
        {
            await connection.ReadAsync(transaction, $"""
                SELECT s.row_number, s.region_code, s.household_number, c.n FROM {S} s
                JOIN (SELECT county_code, household_number, count(*) AS n FROM {S}
                      WHERE refused = FALSE AND relationship_code = @code GROUP BY county_code, household_number HAVING count(*) > 1) c
                  ON c.county_code = s.county_code AND c.household_number = s.household_number
                WHERE s.refused = FALSE AND s.relationship_code = @code
                """, r => found.Add(new RowIssue(r.GetInt32(0), "与户主关系", rule,
                    $"户编号 {r.GetString(2)} 的户内有 {r.GetInt64(3)} 名{what}，应{(what == "户主" ? "只有一名" : "最多一名")}。请核对与户主关系。", r.GetString(1))), ct, ("@code", code));
        }

        await connection.ReadAsync(transaction, $"""
            SELECT sp.row_number, sp.region_code, sp.household_number FROM {S} sp
            JOIN {S} h ON h.county_code = sp.county_code AND h.household_number = sp.household_number AND h.relationship_code = @head AND h.refused = FALSE
            WHERE sp.refused = FALSE AND sp.relationship_code = @spouse AND sp.id_sex_code <> '' AND sp.id_sex_code = h.id_sex_code
            """, r => found.Add(new RowIssue(r.GetInt32(0), "与户主关系", QualityRules.HeadSpouseSameSex,
                $"户编号 {r.GetString(2)} 的配偶与户主按身份证号码为同一性别。请核对与户主关系或身份证号码。", r.GetString(1))), ct,
            ("@head", Head), ("@spouse", Spouse));

        await connection.ReadAsync(transaction, $"""
            SELECT m.row_number, m.region_code, m.household_number,
                   CASE WHEN m.head_id_hash IS NOT NULL AND m.head_id_hash <> h.id_number_hash THEN 1 ELSE 0 END
            FROM {S} m
            JOIN {S} h ON h.county_code = m.county_code AND h.household_number = m.household_number AND h.relationship_code = @head AND h.refused = FALSE
            WHERE m.refused = FALSE
              AND ((m.head_id_hash IS NOT NULL AND m.head_id_hash <> h.id_number_hash) OR (m.head_name IS NOT NULL AND m.head_name <> h.name))
            """, r => found.Add(new RowIssue(r.GetInt32(0), r.GetInt32(3) == 1 ? "户主证件号码" : "户主姓名", QualityRules.HeadMismatch,
                $"户编号 {r.GetString(2)}：本行的{(r.GetInt32(3) == 1 ? "户主证件号码" : "户主姓名")}与户主本人一行不一致。", r.GetString(1))), ct,
            ("@head", Head));

        await issues.WriteAsync(found, ct);
    }

    private async Task RefuseAsync(List<RowIssue> refused, CancellationToken ct)
    {
        if (refused.Count == 0) return;
        await issues.WriteAsync(refused, ct);
        await using var cmd = SqlCommands.Create(connection, transaction, $"UPDATE {S} SET refused = TRUE WHERE row_number = @row", [("@row", 0)]);
        foreach (var issue in refused)
        {
            cmd.Parameters[0].Value = issue.Row;
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }
}

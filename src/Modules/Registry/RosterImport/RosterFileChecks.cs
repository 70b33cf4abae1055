using System.Data.Common;
using Bangfu.Platform.Data;
using Bangfu.Registry.Contracts;
using Bangfu.Registry.DataQuality;

namespace Bangfu.Registry.RosterImport;

/// <summary>
/// The checks that need the whole file, run as SQL on the stage: households with a refused member, one person listed
/// twice, a person already registered in another county (errors: the row is refused), and the household checks of the
/// county review (warnings: one head, at most one spouse, one village, head and spouse of different sex, head columns
/// that match the head). Window functions make each check one pass over the stage, without indexes on it.
/// </summary>
internal sealed class RosterFileChecks(DbConnection connection, DbTransaction transaction, SqlDialect dialect, ImportIssueWriter issues)
{
    private static readonly string Head = CodeLists.CodeLists.Default.Relationship.Items.First(i => i.Attributes.GetValueOrDefault("role") == "head").Code;
    private static readonly string Spouse = CodeLists.CodeLists.Default.Relationship.Items.First(i => i.Attributes.GetValueOrDefault("role") == "spouse").Code;
    private const string R = RosterStage.Rows;
    private const string W = RosterStage.Work;

    /// <param name="refusedHouseholds">Household numbers with a row refused while reading, and that row's finding.</param>
    /// <returns>The number of rows refused by these checks.</returns>
    public async Task<int> RunAsync(IReadOnlyDictionary<string, RowIssue> refusedHouseholds, CancellationToken ct)
    {
        var refused = await IncompleteHouseholdsAsync(refusedHouseholds, ct);
        refused += await DuplicatesAsync(ct);
        refused += await RegisteredElsewhereAsync(ct);
        await HouseholdsAsync(ct);
        await PersonNumbersAsync(ct);
        return refused;
    }

    // Households are registered whole (以户为单位): when a member's row is refused, the rest of the household is refused
    // too, rather than entering half a household (which would also misstate heads, household counts and the dispatch).
    private async Task<int> IncompleteHouseholdsAsync(IReadOnlyDictionary<string, RowIssue> refusedHouseholds, CancellationToken ct)
    {
        if (refusedHouseholds.Count == 0) return 0;
        await connection.ExecuteAsync(transaction, dialect.CreateTempTableAs("roster_refused_household",
            $"SELECT household_number FROM {RosterStage.Name} WHERE 1 = 0"), ct);
        await BulkCopy.InsertAsync(connection, transaction, "roster_refused_household", ["household_number"],
            refusedHouseholds.Keys.Select(k => new object?[] { k }), ct);
        var found = new List<RowIssue>();
        await connection.ReadAsync(transaction, $"""
            SELECT row_number, region_code, household_number FROM {R}
            WHERE refused = FALSE AND household_number IN (SELECT household_number FROM roster_refused_household)
            """, r =>
        {
            var household = r.GetString(2);
            var cause = refusedHouseholds[household];
            found.Add(new RowIssue(r.GetInt32(0), cause.Column, QualityRules.HouseholdIncomplete,
                $"同户（户编号 {household}）第 {cause.Row} 行被拒收：{cause.Message} 为免只导入半户，本户其他成员也暂不导入；改正该行后重新导入整个文件即可。",
                r.GetString(1)));
        }, ct);
        await connection.ExecuteAsync(transaction, dialect.DropTempTable("roster_refused_household"), ct);
        await RefuseAsync(found, ct);
        return found.Count;
    }

    private async Task<int> DuplicatesAsync(CancellationToken ct)
    {
        var found = new List<RowIssue>();
        await connection.ReadAsync(transaction, $"""
            SELECT row_number, region_code, first_row, id_number_masked FROM (
                SELECT row_number, region_code, id_number_masked,
                       min(row_number) OVER (PARTITION BY id_number_hash) AS first_row,
                       count(*) OVER (PARTITION BY id_number_hash) AS n
                FROM {R} WHERE refused = FALSE) x
            WHERE n > 1 AND row_number <> first_row
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
            SELECT s.row_number, s.region_code, s.id_number_masked FROM {R} s
            WHERE s.refused = FALSE AND EXISTS (SELECT 1 FROM reg_person p WHERE p.id_number_hash = s.id_number_hash AND p.county_code <> s.county_code)
            """, r => found.Add(new RowIssue(r.GetInt32(0), "证件号码", QualityRules.RegisteredElsewhere,
                $"证件号码 {r.GetString(2)} 已在其他县登记。一人只能在一个县登记；如已迁入本县，请先由原县办理迁出。", r.GetString(1))), ct);
        await RefuseAsync(found, ct);
        return found.Count;
    }

    private async Task HouseholdsAsync(CancellationToken ct)
    {
        var found = new List<RowIssue>();
        // One pass: each member row with its household's counts and its head's facts.
        await connection.ReadAsync(transaction, $"""
            SELECT x.row_number, x.region_code, x.household_number, x.relationship_code, x.heads, x.spouses, x.first_row,
                   x.min_region, x.max_region, x.id_sex_code, x.head_sex, x.head_name_given, x.head_name,
                   CASE WHEN x.head_id IS NOT NULL AND x.head_id_given <> x.head_id THEN 1 ELSE 0 END
            FROM (SELECT row_number, region_code, household_number, relationship_code, id_sex_code,
                         {dialect.Hex("head_id_hash")} AS head_id_given, head_name AS head_name_given,
                         sum(CASE WHEN relationship_code = @head THEN 1 ELSE 0 END) OVER w AS heads,
                         sum(CASE WHEN relationship_code = @spouse THEN 1 ELSE 0 END) OVER w AS spouses,
                         min(row_number) OVER w AS first_row,
                         min(region_code) OVER w AS min_region,
                         max(region_code) OVER w AS max_region,
                         max(CASE WHEN relationship_code = @head THEN id_sex_code END) OVER w AS head_sex,
                         max(CASE WHEN relationship_code = @head THEN name END) OVER w AS head_name,
                         max(CASE WHEN relationship_code = @head THEN {dialect.Hex("id_number_hash")} END) OVER w AS head_id
                  FROM {R} WHERE refused = FALSE
                  WINDOW w AS (PARTITION BY county_code, household_number)) x
            WHERE x.heads <> 1 OR x.spouses > 1 OR x.min_region <> x.max_region
               OR (x.relationship_code = @spouse AND x.id_sex_code <> '' AND x.id_sex_code = x.head_sex)
               OR (x.heads = 1 AND x.head_name_given IS NOT NULL AND x.head_name_given <> x.head_name)
               OR (x.heads = 1 AND x.head_id_given IS NOT NULL AND x.head_id_given <> x.head_id)
            """, r =>
        {
            var (row, village, household, relationship) = (r.GetInt32(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3));
            var (heads, spouses, firstRow) = (r.GetInt64(4), r.GetInt64(5), r.GetInt32(6));
            if (heads == 0 && row == firstRow)
                found.Add(new RowIssue(row, "与户主关系", QualityRules.HouseholdNoHead,
                    $"户编号 {household} 的户内没有户主。每户须有且只有一名成员的与户主关系为“户主”。", village));
            if (heads > 1 && relationship == Head)
                found.Add(new RowIssue(row, "与户主关系", QualityRules.HouseholdSeveralHeads,
                    $"户编号 {household} 的户内有 {heads} 名户主，应只有一名。请核对与户主关系。", village));
            if (spouses > 1 && relationship == Spouse)
                found.Add(new RowIssue(row, "与户主关系", QualityRules.HouseholdSeveralSpouses,
                    $"户编号 {household} 的户内有 {spouses} 名配偶，应最多一名。请核对与户主关系。", village));
            if (r.GetString(7) != r.GetString(8) && row == firstRow)
                found.Add(new RowIssue(row, "村", QualityRules.HouseholdSeveralVillages,
                    $"户编号 {household} 的成员分属不同的村。同一户的成员应在同一个村。", village));
            if (heads == 1 && relationship == Spouse && !r.IsDBNull(9) && r.GetString(9).Length > 0 && !r.IsDBNull(10) && r.GetString(9) == r.GetString(10))
                found.Add(new RowIssue(row, "与户主关系", QualityRules.HeadSpouseSameSex,
                    $"户编号 {household} 的配偶与户主按身份证号码为同一性别。请核对与户主关系或身份证号码。", village));
            var nameDiffers = heads == 1 && !r.IsDBNull(11) && !r.IsDBNull(12) && r.GetString(11) != r.GetString(12);
            var idDiffers = heads == 1 && r.GetInt32(13) == 1;
            if (nameDiffers || idDiffers)
                found.Add(new RowIssue(row, idDiffers ? "户主证件号码" : "户主姓名", QualityRules.HeadMismatch,
                    $"户编号 {household}：本行的{(idDiffers ? "户主证件号码" : "户主姓名")}与户主本人一行不一致。", village));
        }, ct, ("@head", Head), ("@spouse", Spouse));
        await issues.WriteAsync(found, ct);
    }

    private async Task PersonNumbersAsync(CancellationToken ct)
    {
        var found = new List<RowIssue>();
        await connection.ReadAsync(transaction, $"""
            SELECT row_number, region_code, person_number, first_row FROM (
                SELECT row_number, region_code, person_number,
                       min(row_number) OVER (PARTITION BY person_number) AS first_row,
                       count(*) OVER (PARTITION BY person_number) AS n
                FROM {R} WHERE refused = FALSE) x
            WHERE n > 1 AND row_number <> first_row
            """, r => found.Add(new RowIssue(r.GetInt32(0), "人口编号", QualityRules.PersonNumberDuplicate,
                $"人口编号 {r.GetString(2)} 在第 {r.GetInt32(3)} 行已用于另一人（证件号码不同）。人口编号应一人一号，请核对。", r.GetString(1))), ct);
        await issues.WriteAsync(found, ct);
    }

    private async Task RefuseAsync(List<RowIssue> refused, CancellationToken ct)
    {
        if (refused.Count == 0) return;
        await issues.WriteAsync(refused, ct);
        await using var cmd = SqlCommands.Create(connection, transaction, $"UPDATE {W} SET refused = TRUE WHERE row_number = @row", [("@row", 0)]);
        foreach (var issue in refused)
        {
            cmd.Parameters[0].Value = issue.Row;
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }
}

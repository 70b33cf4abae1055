using System.Data.Common;
using System.Globalization;
using Bangfu.Platform.Data;
using Bangfu.Platform.Security;
using Bangfu.Platform.Time;
using Microsoft.Extensions.Logging;

namespace Bangfu.Registry.RosterImport;

/// <summary>Counts of what an import does (or would do) to the registry.</summary>
internal sealed record MergeCounts(int PersonsNew, int PersonsUpdated, int PersonsUnchanged, int HouseholdsNew);

/// <summary>
/// Classifies the stage rows against the registry (new, updated, unchanged) and, on commit, merges them with
/// set-based SQL: households, persons (with a change record per changed field), dated memberships, and the
/// data-quality issues of the village. Importing the same file again changes nothing.
/// </summary>
internal sealed class RosterMerge(DbConnection connection, DbTransaction transaction, SqlDialect dialect, Guid importId,
    DateTimeOffset now, string? userName, IReadOnlySet<string> presentFields, Microsoft.Extensions.Logging.ILogger logger)
{
    private const string S = RosterStage.Name;
    private const string W = RosterStage.Work;
    private const string R = RosterStage.Rows;

    /// <summary>Sets <c>status</c> ('N' new, 'U' changed, 'S' same) and <c>person_id</c> of each accepted row.</summary>
    public async Task<MergeCounts> ClassifyAsync(CancellationToken ct)
    {
        // Joins (UPDATE … FROM) rather than a subquery per row: PostgreSQL hashes both sides once.
        await Exec($"""
            UPDATE {W} SET person_id = p.id
            FROM {S} s JOIN reg_person p ON p.county_code = s.county_code AND p.id_number_hash = s.id_number_hash
            WHERE s.row_number = {W}.row_number AND {W}.refused = FALSE
            """, ct);
        await Exec($"UPDATE {W} SET status = 'N' WHERE refused = FALSE AND person_id IS NULL", ct);
        await Exec($"""
            UPDATE {W} SET status = 'S'
            FROM {S} s JOIN reg_person p ON p.county_code = s.county_code AND p.record_hash = s.record_hash
            WHERE s.row_number = {W}.row_number AND p.id = {W}.person_id AND {W}.refused = FALSE
            """, ct);
        await Exec($"UPDATE {W} SET status = 'U' WHERE refused = FALSE AND status IS NULL", ct);
        // One row per household, its head's if it has one (the household phone and monitoring status are the head's).
        const string columns = """
            county_code, region_code, household_number, household_phone_cipher, household_phone_hash, household_phone_masked,
            monitoring_type_code, risk_cleared, risk_cleared_on, candidate_household_id
            """;
        await Exec(dialect.CreateTempTableAs("roster_household", dialect.Provider == DatabaseProvider.Postgres
            ? $"""
              SELECT DISTINCT ON (county_code, household_number) {columns} FROM {R} WHERE refused = FALSE
              ORDER BY county_code, household_number, CASE WHEN relationship_code = @head THEN 0 ELSE 1 END, row_number
              """
            // SQLite takes the other columns of an aggregate query from the row that gave the min().
            : $"""
              SELECT {columns}, min(CASE WHEN relationship_code = @head THEN 0 ELSE 1 END * 1000000000 + row_number) AS pick
              FROM {R} WHERE refused = FALSE GROUP BY county_code, household_number
              """), ct, ("@head", CodeLists.CodeLists.Default.Relationship.Find("户主")!.Code));
        await Exec("CREATE INDEX roster_household_number ON roster_household (county_code, household_number)", ct);
        var householdsNew = await connection.ScalarAsync<int>(transaction, """
            SELECT count(*) FROM roster_household rh
            WHERE NOT EXISTS (SELECT 1 FROM reg_household h WHERE h.county_code = rh.county_code AND h.household_number = rh.household_number)
            """, ct);

        // A changed record hash may come from columns the file does not have; only real field changes count.
        var changes = await DiffAsync(ct);
        var changedRows = changes.Select(c => c.Row).ToHashSet();
        await using (var cmd = SqlCommands.Create(connection, transaction, $"UPDATE {W} SET status = 'S' WHERE row_number = @row", [("@row", 0)]))
        {
            foreach (var row in await RowsAsync("U", ct))
            {
                if (changedRows.Contains(row)) continue;
                cmd.Parameters[0].Value = row;
                await cmd.ExecuteNonQueryAsync(ct);
            }
        }
        pendingChanges = changes;
        return new MergeCounts(await CountAsync("N", ct), await CountAsync("U", ct), await CountAsync("S", ct), householdsNew);
    }

    private List<FieldChange> pendingChanges = [];

    /// <summary>Writes the classified rows into the registry.</summary>
    public async Task CommitAsync(Period period, CancellationToken ct)
    {
        var p = new (string, object?)[] { ("@now", now), ("@import", importId) };
        await Exec("""
            INSERT INTO reg_household (id, county_code, region_code, household_number, phone_cipher, phone_hash, phone_masked,
                                       monitoring_type_code, risk_cleared, risk_cleared_on, updated_at, version)
            SELECT candidate_household_id, county_code, region_code, household_number, household_phone_cipher, household_phone_hash,
                   household_phone_masked, monitoring_type_code, risk_cleared, risk_cleared_on, @now, 0
            FROM roster_household rh
            WHERE NOT EXISTS (SELECT 1 FROM reg_household h WHERE h.county_code = rh.county_code AND h.household_number = rh.household_number)
            """, ct, p);
        var monitoring = presentFields.Contains("monitoring_type_code")
            ? ", monitoring_type_code = rh.monitoring_type_code, risk_cleared = rh.risk_cleared, risk_cleared_on = rh.risk_cleared_on" : "";
        var monitoringChanged = monitoring.Length > 0
            ? " OR reg_household.monitoring_type_code IS DISTINCT FROM rh.monitoring_type_code OR reg_household.risk_cleared IS DISTINCT FROM rh.risk_cleared" : "";
        await Exec($"""
            UPDATE reg_household SET region_code = rh.region_code, phone_cipher = rh.household_phone_cipher, phone_hash = rh.household_phone_hash,
                   phone_masked = rh.household_phone_masked{monitoring}, updated_at = @now, version = reg_household.version + 1
            FROM roster_household rh
            WHERE reg_household.county_code = rh.county_code AND reg_household.household_number = rh.household_number
              AND (reg_household.region_code <> rh.region_code OR reg_household.phone_hash IS DISTINCT FROM rh.household_phone_hash{monitoringChanged})
            """, ct, p);
        await Exec($"""
            UPDATE {W} SET household_id = h.id
            FROM {S} s JOIN reg_household h ON h.county_code = s.county_code AND h.household_number = s.household_number
            WHERE s.row_number = {W}.row_number AND {W}.refused = FALSE
            """, ct);

        var fields = RosterStage.PersonFields.Select(f => f.Column).Concat(RosterStage.PersonSecretColumns).ToList();
        await Exec($"""
            INSERT INTO reg_person (id, county_code, household_id, {string.Join(", ", fields)}, last_import_id, updated_at, version)
            SELECT s.candidate_person_id, s.county_code, w.household_id, {string.Join(", ", fields.Select(f => "s." + f))}, @import, @now, 0
            FROM {S} s JOIN {W} w ON w.row_number = s.row_number WHERE w.status = 'N'
            """, ct, p);
        await Exec($"UPDATE {W} SET person_id = s.candidate_person_id FROM {S} s WHERE s.row_number = {W}.row_number AND {W}.status = 'N'", ct);
        // The changed rows, small and indexed by person, for the updates below to look up rather than scan.
        await Exec(dialect.CreateTempTableAs("roster_changed", $"SELECT * FROM {R} WHERE status = 'U'"), ct);
        await Exec("CREATE INDEX roster_changed_person ON roster_changed (county_code, person_id)", ct);

        var updated = fields.Where(f => presentFields.Contains(f) || f is "region_code" or "id_number_cipher" or "id_number_hash" or "record_hash"
                                        || (f is "phone_cipher" or "phone_hash" && presentFields.Contains("phone_masked")))
            .Select(f => $"{f} = s.{f}");
        await Exec($"""
            UPDATE reg_person SET household_id = s.household_id, {string.Join(", ", updated)},
                   last_import_id = @import, updated_at = @now, version = reg_person.version + 1
            FROM roster_changed s WHERE reg_person.county_code = s.county_code AND reg_person.id = s.person_id
            """, ct, p);
        await BulkCopy.InsertAsync(connection, transaction, "reg_person_change",
            ["id", "county_code", "region_code", "person_id", "import_id", "field", "old_value", "new_value", "changed_at", "changed_by"],
            pendingChanges.Select(c => new object?[] { Guid.CreateVersion7(), c.CountyCode, c.RegionCode, c.PersonId, importId, c.Field, c.Old, c.New, now, userName }), ct);

        // Dated membership: a new person, or a person who changed household or relationship, gets a new open membership.
        var from = ("@from", (object?)period.FirstDay);
        await Exec($"""
            UPDATE reg_household_membership SET valid_to = @from
            FROM roster_changed s
            WHERE reg_household_membership.county_code = s.county_code AND reg_household_membership.person_id = s.person_id
              AND reg_household_membership.valid_to IS NULL
              AND (reg_household_membership.household_id <> s.household_id OR reg_household_membership.relationship_code IS DISTINCT FROM s.relationship_code)
            """, ct, from);
        // A new person's first membership takes the person's time-ordered id (ids are unique per table), so its index
        // inserts append; a changed person's new membership gets a fresh id.
        await Exec($"""
            INSERT INTO reg_household_membership (id, county_code, region_code, household_id, person_id, relationship_code, valid_from, valid_to)
            SELECT s.person_id, s.county_code, s.region_code, s.household_id, s.person_id, s.relationship_code, @from, NULL
            FROM {R} s WHERE s.status = 'N'
            """, ct, from);
        await Exec($"""
            INSERT INTO reg_household_membership (id, county_code, region_code, household_id, person_id, relationship_code, valid_from, valid_to)
            SELECT {dialect.NewId}, s.county_code, s.region_code, s.household_id, s.person_id, s.relationship_code, @from, NULL
            FROM roster_changed s
            WHERE NOT EXISTS (SELECT 1 FROM reg_household_membership m
                WHERE m.county_code = s.county_code AND m.person_id = s.person_id AND m.valid_to IS NULL)
            """, ct, from);
        await Exec($"""
            UPDATE reg_household_membership SET region_code = s.region_code
            FROM roster_changed s WHERE reg_household_membership.county_code = s.county_code AND reg_household_membership.person_id = s.person_id
              AND reg_household_membership.valid_to IS NULL AND reg_household_membership.region_code <> s.region_code
            """, ct);
        await QualityIssuesAsync(ct);
    }

    // Open issues of the persons in the file follow the file: still raised → kept, no longer raised → resolved,
    // newly raised → opened. Issues a cadre confirmed stay confirmed.
    private async Task QualityIssuesAsync(CancellationToken ct)
    {
        var p = new (string, object?)[] { ("@import", importId), ("@now", now) };
        await Exec(dialect.CreateTempTableAs("roster_quality", $"""
            SELECT s.county_code, s.region_code, s.person_id, s.household_id, i.code AS rule_code, i.column_name, i.message, i.row_number
            FROM reg_roster_import_issue i JOIN {R} s ON s.row_number = i.row_number
            WHERE i.import_id = @import AND i.severity = 2 AND s.refused = FALSE
            """), ct, p);
        await Exec("CREATE INDEX roster_quality_person ON roster_quality (county_code, person_id)", ct);
        // Open issues of the people in the file are settled only when there are any (none on a first import).
        if (await connection.ScalarAsync<int>(transaction, "SELECT count(*) FROM (SELECT 1 FROM reg_quality_issue WHERE state = 1 LIMIT 1) x", ct) > 0)
            await ResolveAsync(p, ct);
        await Exec($"""
            INSERT INTO reg_quality_issue (id, county_code, region_code, person_id, household_id, rule_code, column_name, message, state,
                                           import_id, row_number, raised_at)
            SELECT {dialect.NewId}, q.county_code, q.region_code, q.person_id, q.household_id, q.rule_code, q.column_name, q.message, 1,
                   @import, q.row_number, @now
            FROM roster_quality q
            WHERE NOT EXISTS (SELECT 1 FROM reg_quality_issue e WHERE e.county_code = q.county_code AND e.person_id = q.person_id
                              AND e.rule_code = q.rule_code AND e.column_name = q.column_name AND e.state IN (1, 3))
            """, ct, p);
    }

    private async Task ResolveAsync((string, object?)[] p, CancellationToken ct)
    {
        await Exec(dialect.CreateTempTableAs("roster_people", $"SELECT county_code, person_id FROM {R} WHERE refused = FALSE AND person_id IS NOT NULL"), ct);
        await Exec("CREATE INDEX roster_people_person ON roster_people (county_code, person_id)", ct);
        await Exec($"""
            UPDATE reg_quality_issue SET state = 2, closed_at = @now
            WHERE state = 1
              AND EXISTS (SELECT 1 FROM roster_people s WHERE s.county_code = reg_quality_issue.county_code AND s.person_id = reg_quality_issue.person_id)
              AND NOT EXISTS (SELECT 1 FROM roster_quality q WHERE q.county_code = reg_quality_issue.county_code AND q.person_id = reg_quality_issue.person_id
                              AND q.rule_code = reg_quality_issue.rule_code AND q.column_name = reg_quality_issue.column_name)
            """, ct, p);
    }

    public async Task CleanUpAsync(CancellationToken ct)
    {
        foreach (var table in new[] { "roster_household", "roster_quality", "roster_changed", "roster_people" })
            await Exec(dialect.DropTempTable(table), ct);
        await Exec(RosterStage.DropSql(dialect.Provider), ct);
    }

    private sealed record FieldChange(int Row, string CountyCode, string RegionCode, Guid PersonId, string Field, string? Old, string? New);

    private async Task<List<FieldChange>> DiffAsync(CancellationToken ct)
    {
        var fields = RosterStage.PersonFields.Where(f => presentFields.Contains(f.Column) || f.Column == "region_code").ToList();
        var select = string.Join(", ", fields.Select(f => $"s.{f.Column}, p.{f.Column}"));
        var changes = new List<FieldChange>();
        await connection.ReadAsync(transaction, $"""
            SELECT s.row_number, s.county_code, s.region_code, s.person_id, s.household_number,
                   (SELECT h.household_number FROM reg_household h WHERE h.county_code = p.county_code AND h.id = p.household_id), {select}
            FROM {R} s JOIN reg_person p ON p.county_code = s.county_code AND p.id = s.person_id
            WHERE s.status = 'U'
            """, r =>
        {
            var (row, county, region, person) = (r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetGuidValue(3));
            if (Display(r.GetValue(4)) != Display(r.GetValue(5)))
                changes.Add(new FieldChange(row, county, region, person, "户编号", Display(r.GetValue(5)), Display(r.GetValue(4))));
            for (var i = 0; i < fields.Count; i++)
            {
                var (newValue, oldValue) = (Display(r.GetValue(6 + 2 * i)), Display(r.GetValue(7 + 2 * i)));
                if (newValue == oldValue) continue;
                var (column, label) = fields[i];
                changes.Add(new FieldChange(row, county, region, person, label, Label(column, oldValue), Label(column, newValue)));
            }
        }, ct);
        return changes;
    }

    private static string? Display(object value) => value switch
    {
        DBNull => null,
        bool b => b ? "是" : "否",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    // Codes are shown by name; the name is masked (surname + *), IDs and phones are stored masked already.
    private static string? Label(string column, string? value)
    {
        if (value is null) return null;
        if (column == "name") return Masking.Name(value);
        if (column.EndsWith("_code", StringComparison.Ordinal) && CodeListOf(column) is { } list)
            return list.ByCode(value)?.Name ?? value;
        if (column is "id_converted_from15" or "minimum_living_allowance" or "urban_employee_pension" or "serious_illness_insurance"
            or "resident_medical_insurance" or "resident_pension" or "speaks_mandarin" or "commercial_medical_insurance" or "works_abroad"
            or "serious_illness_medical_assistance" or "other_health_assistance" or "urban_employee_medical_insurance" or "extreme_poverty_support")
            return value is "1" or "是" ? "是" : "否";
        return value;
    }

    private static CodeLists.CodeList? CodeListOf(string column) => column switch
    {
        "sex_code" => CodeLists.CodeLists.Default.Sex,
        "document_type_code" => CodeLists.CodeLists.Default.DocumentType,
        "ethnicity_code" => CodeLists.CodeLists.Default.Ethnicity,
        "relationship_code" => CodeLists.CodeLists.Default.Relationship,
        "education_code" => CodeLists.CodeLists.Default.Education,
        "school_status_code" => CodeLists.CodeLists.Default.SchoolStatus,
        "labour_capacity_code" => CodeLists.CodeLists.Default.LabourCapacity,
        "health_code" => CodeLists.CodeLists.Default.Health,
        "political_status_code" => CodeLists.CodeLists.Default.PoliticalStatus,
        "dropout_reason_code" => CodeLists.CodeLists.Default.DropoutReason,
        "industry_code" => CodeLists.CodeLists.Default.Industry,
        "public_welfare_job_code" => CodeLists.CodeLists.Default.PublicWelfareJob,
        "employment_channel_code" => CodeLists.CodeLists.Default.EmploymentChannel,
        "disability_code" => CodeLists.CodeLists.Default.Disability,
        "identification_standard_code" => CodeLists.CodeLists.Default.IdentificationStandard,
        _ => null,
    };

    private async Task<List<int>> RowsAsync(string status, CancellationToken ct)
    {
        var rows = new List<int>();
        await connection.ReadAsync(transaction, $"SELECT row_number FROM {W} WHERE status = @s", r => rows.Add(r.GetInt32(0)), ct, ("@s", status));
        return rows;
    }

    private Task<int> CountAsync(string status, CancellationToken ct) =>
        connection.ScalarAsync<int>(transaction, $"SELECT count(*) FROM {W} WHERE status = @s", ct, ("@s", status));

    private async Task<int> Exec(string sql, CancellationToken ct, params (string, object?)[] parameters)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var n = await connection.ExecuteAsync(transaction, sql, ct, parameters);
        logger.LogDebug("Roster merge step {Step}: {Rows} rows in {Milliseconds} ms",
            sql.Trim().Split('\n')[0][..Math.Min(60, sql.Trim().Split('\n')[0].Length)], n, watch.ElapsedMilliseconds);
        return n;
    }
}

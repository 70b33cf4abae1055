using Bangfu.Registry.Contracts;
using System.Text.Json;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Data;
using Bangfu.Platform.Scope;
using Bangfu.Platform.Time;
using Bangfu.Registry.DataQuality;
using Bangfu.Registry.Households;
using Bangfu.Registry.People;
using Bangfu.Registry.RosterImport;
using Bangfu.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Registry.Tests.RosterImport;

public sealed class RosterImportTests : DatabaseTest
{
    [Fact]
    public async Task Every_row_of_the_ids_as_numbers_case_is_refused_and_nothing_is_imported()
    {
        using var expected = JsonDocument.Parse(await File.ReadAllTextAsync(Fixtures.ShibadongIdsAsNumbersExpected));
        var lost = expected.RootElement.GetProperty("rows_with_id_lost").GetInt32();

        var summary = await ImportAsync(Fixtures.ShibadongIdsAsNumbers);

        Assert.Null(summary.FileError);
        Assert.Equal(lost, summary.Rows);
        Assert.Equal(lost, summary.RowsRefused);
        Assert.Equal(0, summary.PersonsNew + summary.PersonsUpdated + summary.PersonsUnchanged);
        var errors = summary.Issues.Where(i => i.Severity == IssueSeverity.Error).ToList();
        var refusedRows = errors.Select(e => e.Row).Distinct().ToList();
        Assert.Equal(lost, refusedRows.Count);
        // The title row (1), the header (2) and the two blank rows are not data rows.
        Assert.DoesNotContain(1, refusedRows);
        Assert.DoesNotContain(2, refusedRows);
        Assert.All(refusedRows, r => Assert.InRange(r, 3, 216));
        // Rows whose own ID survived as text (it ends in X, which Excel cannot turn into a number) belong to households
        // whose other members lost their digits; the household is refused whole, with the same explanation.
        Assert.All(errors, e => Assert.Contains(e.Rule.Code, new[] { "ID_EXCEL_NUMBER", "HEAD_ID_EXCEL_NUMBER", "HOUSEHOLD_INCOMPLETE" }));
        Assert.All(errors, e => Assert.Contains(e.Column, new[] { "证件号码", "户主证件号码" }));
        Assert.All(errors, e => Assert.Contains("Excel", e.Message));
        Assert.All(errors, e => Assert.Contains("文本", e.Message));
        var first = errors.First(e => e.Row == 3 && e.Column == "证件号码");
        Assert.Contains("15 位有效数字", first.Message);

        await using var scope = Services.InScope();
        var db = scope.Get<AppDbContext>();
        Assert.Equal(0, await db.Set<Person>().CountAsync());
        Assert.Equal(0, await db.Set<Household>().CountAsync());
    }

    [Fact]
    public async Task Importing_the_same_roster_twice_changes_nothing_the_second_time()
    {
        var first = await ImportAsync(Fixtures.SeedVillages);
        Assert.Equal(930, first.PersonsNew);
        Assert.Equal(270, first.HouseholdsNew);
        var before = await SnapshotAsync();

        var second = await ImportAsync(Fixtures.SeedVillages);

        Assert.Equal((0, 0, 930, 0, 0), (second.PersonsNew, second.PersonsUpdated, second.PersonsUnchanged, second.RowsRefused, second.HouseholdsNew));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_dry_run_reports_the_full_verdict_without_writing_to_the_registry()
    {
        var summary = await ImportAsync(Fixtures.SeedVillages, dryRun: true);

        Assert.Equal(RosterImportState.Checked, summary.State); // checked only: a service dry run keeps no file to commit
        Assert.Equal(930, summary.PersonsNew);
        Assert.Equal(270, summary.HouseholdsNew);
        await using var scope = Services.InScope();
        var db = scope.Get<AppDbContext>();
        Assert.Equal(0, await db.Set<Person>().CountAsync());
        Assert.Equal(0, await db.Set<Household>().CountAsync());
        Assert.Equal(1, await db.Set<RosterImportRecord>().CountAsync());
    }

    [Fact]
    public async Task A_changed_row_updates_the_person_and_records_what_changed()
    {
        await ImportAsync(Fixtures.SeedVillages);
        var (headers, rows) = RosterFiles.Read(Fixtures.SeedVillages);
        var education = RosterFiles.Column(headers, "文化程度");
        var changed = rows.First(r => r[education] == "小学");
        changed[education] = "初中";
        var path = RosterFiles.WriteCsv(Database.DataDirectory, "changed.csv", headers, rows);

        var summary = await ImportAsync(path);

        Assert.Equal((0, 1, 929), (summary.PersonsNew, summary.PersonsUpdated, summary.PersonsUnchanged));
        await using var scope = Services.InScope();
        var db = scope.Get<AppDbContext>();
        var change = Assert.Single(await db.Set<PersonChange>().ToListAsync());
        Assert.Equal(("文化程度", "小学", "初中"), (change.Field, change.OldValue, change.NewValue));
        var person = await db.Set<Person>().SingleAsync(p => p.Id == change.PersonId);
        Assert.Equal("03", person.EducationCode);
        Assert.Equal(1, person.Version);
    }

    [Fact]
    public async Task A_person_listed_twice_in_one_file_is_reported_and_imported_once()
    {
        var (headers, rows) = RosterFiles.Read(Fixtures.SeedVillages);
        rows.Insert(10, (string?[])rows[3].Clone());
        var path = RosterFiles.WriteCsv(Database.DataDirectory, "twice.csv", headers, rows);

        var summary = await ImportAsync(path);

        Assert.Equal(930, summary.PersonsNew);
        Assert.Equal(1, summary.RowsRefused);
        var duplicate = Assert.Single(summary.Issues, i => i.Rule == QualityRules.DuplicateInFile);
        Assert.Equal(12, duplicate.Row);
        Assert.Contains("第 5 行", duplicate.Message);
        Assert.DoesNotContain("430182", duplicate.Message.Replace("430182********", ""));
    }

    [Fact]
    public async Task Household_rules_raise_warnings_that_become_the_villages_open_issues()
    {
        var (headers, rows) = RosterFiles.Read(Fixtures.SeedVillages);
        var relation = RosterFiles.Column(headers, "与户主关系");
        var household = RosterFiles.Column(headers, "户编号");
        var spouse = rows.First(r => r[relation] == "配偶");
        spouse[relation] = "户主"; // two heads in this household
        var path = RosterFiles.WriteCsv(Database.DataDirectory, "heads.csv", headers, rows);

        var summary = await ImportAsync(path);

        var heads = summary.Issues.Where(i => i.Rule == QualityRules.HouseholdSeveralHeads).ToList();
        Assert.Equal(2, heads.Count);
        Assert.All(heads, h => Assert.Contains(spouse[household]!, h.Message));
        await using var scope = Services.InScope();
        var issues = await scope.Get<AppDbContext>().Set<QualityIssue>().Where(i => i.RuleCode == "HOUSEHOLD_SEVERAL_HEADS").ToListAsync();
        Assert.Equal(2, issues.Count);
        Assert.All(issues, i => Assert.Equal(QualityIssueState.Open, i.State));

        // Fixed in the next file: the issues are resolved, nothing else changes.
        await ImportAsync(Fixtures.SeedVillages);
        await using var scope2 = Services.InScope();
        var states = await scope2.Get<AppDbContext>().Set<QualityIssue>().Where(i => i.RuleCode == "HOUSEHOLD_SEVERAL_HEADS").Select(i => i.State).ToListAsync();
        Assert.All(states, s => Assert.Equal(QualityIssueState.Resolved, s));
    }

    [Fact]
    public async Task Rows_outside_the_importers_region_scope_are_refused()
    {
        await using var scope = Services.InScope(RegionScope.Of("430182"));
        var summary = await scope.Get<RosterImportService>().ImportAsync(
            new RosterImportRequest(Fixtures.SeedVillages, "seed.xlsx", Period.Parse("2021-12"), false), null, CancellationToken.None);

        Assert.Equal(246, summary.PersonsNew);
        Assert.Equal(930 - 246, summary.RowsRefused);
        Assert.All(summary.Issues.Where(i => i.Severity == IssueSeverity.Error), i => Assert.Equal("OUT_OF_SCOPE", i.Rule.Code));
    }

    [Fact]
    public async Task A_file_without_the_required_columns_is_refused_with_their_names()
    {
        var (headers, rows) = RosterFiles.Read(Fixtures.SeedVillages);
        var keep = Enumerable.Range(0, headers.Length).Where(i => headers[i] is not ("劳动技能" or "户编号")).ToArray();
        var path = RosterFiles.WriteCsv(Database.DataDirectory, "narrow.csv", keep.Select(i => headers[i]).ToArray(),
            rows.Select(r => keep.Select(i => r[i]).ToArray()));

        var summary = await ImportAsync(path);

        Assert.NotNull(summary.FileError);
        Assert.Contains("户编号", summary.FileError);
        Assert.Contains("劳动技能", summary.FileError);
        Assert.Equal(0, summary.PersonsNew);
    }

    [Fact]
    public async Task A_file_that_breaks_off_in_the_middle_is_refused_with_a_file_error_and_imports_nothing()
    {
        var (headers, rows) = RosterFiles.Read(Fixtures.SeedVillages);
        var path = RosterFiles.WriteCsv(Database.DataDirectory, "unpaired-quote.csv", headers, rows);
        // An unpaired quote after the good rows: the record runs on past the reader's limit.
        await File.AppendAllTextAsync(path, "\"湖南省," + new string('x', 5 << 20) + "\n");

        var summary = await ImportAsync(path);

        Assert.NotNull(summary.FileError);
        Assert.Contains($"从第 {rows.Count + 2} 行开始", summary.FileError);
        Assert.Contains("引号没有配对", summary.FileError);
        Assert.Equal(RosterImportState.Failed, summary.State);
        Assert.Equal(0, summary.PersonsNew);
        Assert.Equal((0, 0, 0, 0, 0, 0), await SnapshotAsync());
    }

    [Fact]
    public async Task A_person_registered_in_another_county_is_refused_and_the_audit_counts_such_rows()
    {
        await ImportAsync(Fixtures.SeedVillages);
        var (headers, rows) = RosterFiles.Read(Fixtures.SeedVillages);
        int Column(string name) => RosterFiles.Column(headers, name);
        string[] place = ["省", "市", "县", "乡", "村"];
        var hejiawan = rows.First(r => r[Column("村")]!.StartsWith("贺家湾", StringComparison.Ordinal));
        var shibadong = rows.First(r => r[Column("村")]!.StartsWith("十八洞", StringComparison.Ordinal));
        // The whole household of a 十八洞村 (花垣县) person listed again under 贺家湾村 (宁乡市).
        var moved = rows.Where(r => r[Column("户编号")] == shibadong[Column("户编号")]).Select(r => (string?[])r.Clone()).ToList();
        foreach (var row in moved)
        {
            foreach (var column in place) row[Column(column)] = hejiawan[Column(column)];
            row[Column("户编号")] = "HJW-MOVED-" + row[Column("户编号")];
        }
        var path = RosterFiles.WriteCsv(Database.DataDirectory, "moved.csv", headers, moved);

        var summary = await ImportAsync(path);

        var refused = summary.Issues.Where(i => i.Rule == QualityRules.RegisteredElsewhere).ToList();
        Assert.Equal(moved.Count, refused.Count);
        Assert.Equal(moved.Count, summary.RowsRefused);
        Assert.All(refused, i => Assert.DoesNotContain("花垣", i.Message)); // the other county is not named
        var audit = (await Services.EntriesAsync(AuditEvents.ImportCommit)).Last();
        using var details = System.Text.Json.JsonDocument.Parse(audit.Details!);
        Assert.Equal(moved.Count, details.RootElement.GetProperty("registeredElsewhere").GetInt32());
    }

    private async Task<(int, int, int, int, int, int)> SnapshotAsync()
    {
        await using var scope = Services.InScope();
        var db = scope.Get<AppDbContext>();
        return (await db.Set<Person>().CountAsync(), await db.Set<Household>().CountAsync(), await db.Set<HouseholdMembership>().CountAsync(),
            await db.Set<QualityIssue>().CountAsync(), await db.Set<PersonChange>().CountAsync(),
            (int)await db.Set<Person>().SumAsync(p => p.Version));
    }
}

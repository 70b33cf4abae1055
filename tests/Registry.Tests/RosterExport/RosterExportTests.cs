using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Bangfu.Platform.Data;
using Bangfu.Platform.Scope;
using Bangfu.Platform.Security;
using Bangfu.Registry.Contracts;
using Bangfu.Registry.People;
using Bangfu.Registry.RosterExport;
using Bangfu.Registry.RosterImport;
using Bangfu.Registry.RosterImport.Reading;
using Bangfu.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Registry.Tests.RosterExport;

public sealed class RosterExportTests : DatabaseTest
{
    private const string Hejiawan = "430182106209";

    [Fact]
    public async Task Importing_an_exported_xlsx_of_the_seed_leaves_every_person_unchanged()
    {
        await ImportAsync(Fixtures.SeedVillages);
        var versions = await VersionSumAsync();

        var (path, rows) = await ExportAsync(RegistryExportKind.Roster, "43", "seed-export.xlsx");
        var again = await ImportAsync(path);

        Assert.Equal(930, rows);
        Assert.Null(again.FileError);
        Assert.Equal((930, 0, 930, 0, 0, 0), (again.Rows, again.PersonsNew, again.PersonsUnchanged, again.PersonsUpdated, again.RowsRefused, again.HouseholdsNew));
        // Not even a warning: 户主姓名 and 户主证件号码 agree with each household's head, every code is a code-list name.
        Assert.Equal((0, 0), (again.Errors, again.Warnings));
        Assert.Equal(versions, await VersionSumAsync());
    }

    [Fact]
    public async Task Importing_an_exported_csv_of_the_seed_leaves_every_person_unchanged()
    {
        await ImportAsync(Fixtures.SeedVillages);

        var (path, rows) = await ExportAsync(RegistryExportKind.Roster, "43", "seed-export.csv");
        var again = await ImportAsync(path);

        Assert.Equal(930, rows);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        // Long numbers are written so Excel keeps them as text: ="430182195208270011".
        Assert.Contains("\"=\"\"430182195208270011\"\"\"", Encoding.UTF8.GetString(bytes));
        Assert.Equal((930, 0, 0), (again.PersonsUnchanged, again.PersonsUpdated, again.PersonsNew));
    }

    [Fact]
    public async Task A_value_excel_would_run_as_a_formula_is_escaped_in_the_csv_and_still_round_trips()
    {
        var (headers, rows) = RosterFiles.Read(Fixtures.SeedVillages);
        var employer = RosterFiles.Column(headers, "务工企业名称");
        rows.First(r => r[employer] is not null)[employer] = "=HYPERLINK(\"http://example.com\",\"点我\")";
        await ImportAsync(RosterFiles.WriteCsv(Database.DataDirectory, "formula.csv", headers, rows));

        var (path, _) = await ExportAsync(RegistryExportKind.Roster, "43", "formula-export.csv");
        var again = await ImportAsync(path);

        Assert.Contains("\"'=HYPERLINK(\"\"http://example.com\"\",\"\"点我\"\")\"", await File.ReadAllTextAsync(path));
        Assert.Equal((930, 0), (again.PersonsUnchanged, again.PersonsUpdated));
    }

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+86 138", "'+86 138")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1+2", "'\t=1+2")]
    [InlineData("\r=1+2", "'\r=1+2")]
    [InlineData("张三", "张三")]
    [InlineData("430182195208270011", "=\"430182195208270011\"")]
    public void Csv_cells_that_a_spreadsheet_could_run_start_with_an_apostrophe(string value, string written) =>
        Assert.Equal(written, CsvTableWriter.Escape(value));

    [Fact]
    public async Task Exported_id_numbers_are_text_cells_with_all_18_characters()
    {
        await ImportAsync(Fixtures.SeedVillages);

        var (path, _) = await ExportAsync(RegistryExportKind.Roster, Hejiawan, "village.xlsx");

        using (var sheet = RosterSheet.Open(path, RosterLayout.IsHeaderRow))
        {
            var id = sheet.Headers.ToList().IndexOf("证件号码");
            var headId = sheet.Headers.ToList().IndexOf("户主证件号码");
            var rows = sheet.Rows().ToList();
            Assert.Equal(246, rows.Count);
            Assert.All(rows, r => Assert.False(r.Cells[id].WasNumber));
            Assert.All(rows, r => Assert.Matches("^[0-9]{17}[0-9X]$", r.Cells[id].Text));
            Assert.All(rows, r => Assert.False(r.Cells[headId].WasNumber));
            Assert.All(rows, r => Assert.Equal(18, r.Cells[headId].Text!.Length));
        }
        // In the sheet XML itself: every cell is an inline string, in a column formatted as text (style 1 = "@").
        using var zip = ZipFile.OpenRead(path);
        var xml = XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        XNamespace x = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var cells = xml.Descendants(x + "c").ToList();
        Assert.All(cells, c => Assert.Equal("inlineStr", (string?)c.Attribute("t")));
        Assert.Contains(cells, c => (string?)c.Attribute("r") == "L2" && c.Value == "430182195208270011");
        var styles = XDocument.Load(zip.GetEntry("xl/styles.xml")!.Open());
        Assert.Equal("49", (string?)styles.Descendants(x + "cellXfs").Single().Elements(x + "xf").ElementAt(1).Attribute("numFmtId"));
    }

    [Fact]
    public async Task The_export_of_a_village_holds_that_village_only_with_names_from_the_region_tree()
    {
        await ImportAsync(Fixtures.SeedVillages);

        var (path, count) = await ExportAsync(RegistryExportKind.Roster, Hejiawan, "village.csv");

        var (headers, rows) = RosterFiles.Read(path);
        Assert.Equal(RosterLayout.ExportColumns.Select(c => c.Header), headers);
        Assert.Equal(246, count);
        Assert.Equal(246, rows.Count);
        Assert.All(rows, r => Assert.Equal("湖南省/长沙市/宁乡市/煤炭坝镇/贺家湾村", string.Join("/", r[..5])));
        Assert.All(rows, r => Assert.StartsWith(Hejiawan, r[RosterFiles.Column(headers, "人口编号")]));
        var first = rows[0];
        Assert.Equal(("王明", "男", "1952-08-27", "居民身份证", "户主", "小学", "丧失劳动力", "否", "国家标准"),
            (first[7], first[8], first[9], first[10], first[16], first[17], first[19], first[24], first[46]));
        Assert.Equal(("13629135219", "13648987784", "王明", "430182195208270011"), (first[13], first[14], first[41], first[42]));
    }

    [Fact]
    public async Task A_county_officer_cannot_export_another_county_or_the_province_around_it()
    {
        await ImportAsync(Fixtures.SeedVillages);
        await using var scope = Services.InScope(RegionScope.Of("430182"));
        var exports = scope.Get<RosterExportService>();

        foreach (var region in new[] { "433124", "433124110226", "43", "4301", "999999" })
        {
            using var target = new MemoryStream();
            var request = new RegistryExportRequest(RegistryExportKind.Roster, region, ExportFormat.Xlsx) { View = PersonalDataView.Full };
            await Assert.ThrowsAsync<KeyNotFoundException>(() => exports.ExportAsync(request, target, CancellationToken.None));
            Assert.Equal(0, target.Length);
        }
        using var own = new MemoryStream();
        Assert.Equal(246, await exports.ExportAsync(new RegistryExportRequest(RegistryExportKind.Roster, "430182", ExportFormat.Csv) { View = PersonalDataView.Full }, own, CancellationToken.None));
    }

    [Fact]
    public async Task The_person_list_export_masks_id_numbers_and_phones()
    {
        await ImportAsync(Fixtures.SeedVillages);

        var (path, count) = await ExportAsync(RegistryExportKind.PersonList, Hejiawan, "list.csv",
            r => r with { LabourCapacityCode = CodeLists.CodeLists.Default.LabourCapacity.Find("普通劳动力")!.Code });

        var text = await File.ReadAllTextAsync(path);
        Assert.InRange(count, 1, 245);
        Assert.Contains("430182********", text);
        Assert.DoesNotMatch("[0-9]{17}[0-9X]", text.Replace("4301821062090", "")); // household and person numbers aside
        Assert.DoesNotContain("丧失劳动力", text);
    }

    [Fact]
    public async Task The_issue_export_lists_the_open_issues_of_the_region()
    {
        var (headers, rows) = RosterFiles.Read(Fixtures.SeedVillages);
        var health = RosterFiles.Column(headers, "健康状况");
        foreach (var row in rows.Where(r => r[4] == "贺家湾村").Take(3)) row[health] = null;
        await ImportAsync(RosterFiles.WriteCsv(Database.DataDirectory, "health.csv", headers, rows));

        var (path, count) = await ExportAsync(RegistryExportKind.QualityIssues, "430182", "issues.csv");

        Assert.Equal(3, count);
        var (_, issueRows) = (File.ReadAllLines(path)[0].Split(','), File.ReadAllLines(path).Skip(1).ToList());
        Assert.All(issueRows, r => Assert.Contains("HEALTH_EMPTY", r));
        Assert.All(issueRows, r => Assert.Contains("430182********", r));
    }

    private async Task<(string Path, long Rows)> ExportAsync(RegistryExportKind kind, string region, string fileName,
        Func<RegistryExportRequest, RegistryExportRequest>? change = null)
    {
        var path = Path.Combine(Database.DataDirectory, fileName);
        await using var scope = Services.InScope();
        var request = new RegistryExportRequest(kind, region, TableWriters.FormatOf(fileName)) { View = PersonalDataView.Full };
        await using var file = File.Create(path);
        var rows = await scope.Get<RosterExportService>().ExportAsync(change?.Invoke(request) ?? request, file, CancellationToken.None);
        return (path, rows);
    }

    private async Task<long> VersionSumAsync()
    {
        await using var scope = Services.InScope();
        return await scope.Get<AppDbContext>().Set<Person>().SumAsync(p => p.Version);
    }
}

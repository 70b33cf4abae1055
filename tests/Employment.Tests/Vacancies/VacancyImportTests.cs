using Bangfu.Employment.Employers;
using Bangfu.Employment.Vacancies;
using Bangfu.Platform.Data;
using Bangfu.Registry.RosterExport;
using Bangfu.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Employment.Tests.Vacancies;

public sealed class VacancyImportTests : EmploymentServicesTest
{
    private static readonly string?[] Byd1 =
        ["比亚迪汽车工业有限公司", BydCode, "电池装配工", "电子厂普工", "200", "4500", "6500", "湖南省长沙市宁乡市", "18-45", "初中", "", "是", "是", "是", "否", "2026-04-30"];
    private static readonly string?[] Byd2 =
        ["比亚迪汽车工业有限公司", BydCode, "焊工", "6-18-02-04", "20", "6000", "9000", "广东省深圳市坪山区", "45岁以下", "不限", "持焊工证", "是", "否", "是", "否", "2026/5/31"];
    private static readonly string?[] Cleaner =
        ["花垣县某物业公司", HuaweiCode, "保洁员", "保洁", "5", "1800", "2200", "宁乡市", "", "", "", "否", "否", "是", "是", "2026-06-30"];

    private static MemoryStream Sheet(params string?[][] rows)
    {
        var stream = new MemoryStream();
        using (var writer = TableWriters.Create(ExportFormat.Xlsx, stream, "岗位", VacancyImportService.Columns))
            foreach (var row in rows) writer.WriteRow(row);
        return new MemoryStream(stream.ToArray());
    }

    private async Task<VacancyImportSummary> ImportAsync(MemoryStream file, bool dryRun, string scope = Ningxiang)
    {
        await using var s = As(scope);
        file.Position = 0;
        return await s.Get<VacancyImportService>().ImportAsync(file, "岗位.xlsx", dryRun);
    }

    private async Task<int> CountAsync<T>() where T : class
    {
        await using var s = As(Ningxiang);
        return await s.Get<AppDbContext>().Set<T>().CountAsync();
    }

    [Fact]
    public async Task A_dry_run_reports_what_would_be_created_and_writes_nothing()
    {
        var summary = await ImportAsync(Sheet(Byd1, Byd2, Cleaner), dryRun: true);

        Assert.Empty(summary.Errors);
        Assert.Equal((3, 3, 0, 2, false), (summary.Rows, summary.NewVacancies, summary.Unchanged, summary.NewEmployers, summary.Committed));
        Assert.Equal(0, await CountAsync<Vacancy>());
        Assert.Equal(0, await CountAsync<Employer>());
    }

    [Fact]
    public async Task Importing_creates_employers_and_vacancies_waiting_for_review_and_the_same_file_again_changes_nothing()
    {
        var file = Sheet(Byd1, Byd2, Cleaner);
        var first = await ImportAsync(file, dryRun: false);
        Assert.True(first.Committed);
        Assert.Equal((3, 2), (first.NewVacancies, first.NewEmployers));

        await using (var s = As(Ningxiang))
        {
            var vacancies = await s.Get<AppDbContext>().Set<Vacancy>().OrderBy(v => v.Title).ToListAsync();
            var welder = vacancies.Single(v => v.Title == "焊工");
            Assert.Equal(("6-18-02-04", 20, 6000, 9000, "440310", null, (int?)45, null), (welder.OccupationCode, welder.Headcount,
                welder.WageMin, welder.WageMax, welder.WorkplaceRegionCode, welder.AgeMin, welder.AgeMax, welder.EducationCode));
            Assert.Equal(new DateOnly(2026, 5, 31), welder.ExpiresOn);
            var battery = vacancies.Single(v => v.Title == "电池装配工");
            Assert.Equal(("6-25", "430182", 18, 45, "03", true, true), (battery.OccupationCode, battery.WorkplaceRegionCode,
                battery.AgeMin!.Value, battery.AgeMax!.Value, battery.EducationCode, battery.MealsProvided, battery.HousingProvided));
            Assert.All(vacancies, v => Assert.Equal((VacancyState.PendingReview, VacancySource.Import, Ningxiang), (v.State, v.Source, v.ManagingRegionCode)));
            Assert.True(vacancies.Single(v => v.Title == "保洁员").HomeDaily);
        }

        var again = await ImportAsync(file, dryRun: false);
        Assert.Empty(again.Errors);
        Assert.Equal((0, 3, 0), (again.NewVacancies, again.Unchanged, again.NewEmployers));
        Assert.Equal(3, await CountAsync<Vacancy>());
        Assert.Equal(2, await CountAsync<Employer>());
    }

    [Fact]
    public async Task A_workplace_that_is_no_county_of_the_region_tree_is_refused_with_the_forms_message()
    {
        var city = Byd1.ToArray();
        city[7] = "广东省深圳市";
        var unknown = Byd2.ToArray();
        unknown[7] = "999999";
        var summary = await ImportAsync(Sheet(city, unknown, Cleaner), dryRun: false);

        Assert.False(summary.Committed);
        var messages = summary.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains(messages, m => m.StartsWith("第 2 行“工作地点”：工作地点请具体到县（市、区）：“广东省深圳市”是省、市一级"));
        Assert.Contains(messages, m => m.StartsWith("第 3 行“工作地点”：工作地点“999999”不是行政区划代码"));
        Assert.DoesNotContain(messages, m => m.StartsWith("第 4 行"));
        Assert.Equal(0, await CountAsync<Vacancy>());
    }

    [Fact]
    public async Task Errors_name_the_row_and_column_in_Chinese_and_nothing_of_the_file_is_written()
    {
        string?[] bad = ["某厂", "91440300192317458A", "普工", "宇航员", "十", "5000", "4000", "火星", "12-80", "高学历", "", "也许", "", "", "", "明天"];
        var summary = await ImportAsync(Sheet(Byd1, bad, Byd1), dryRun: false);

        Assert.False(summary.Committed);
        var messages = summary.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains(messages, m => m.StartsWith("第 3 行“统一社会信用代码”：") && m.Contains("校验位错误"));
        Assert.Contains(messages, m => m.StartsWith("第 3 行“职业（代码或名称）”：") && m.Contains("宇航员"));
        Assert.Contains(messages, m => m.StartsWith("第 3 行“招聘人数”：") && m.Contains("不是整数"));
        Assert.Contains(messages, m => m.StartsWith("第 3 行“月薪上限”：") && m.Contains("不能低于月薪下限"));
        Assert.Contains(messages, m => m.StartsWith("第 3 行“工作地点”：") && m.Contains("火星"));
        Assert.Contains(messages, m => m.StartsWith("第 3 行“年龄要求”："));
        Assert.Contains(messages, m => m.StartsWith("第 3 行“学历要求”："));
        Assert.Contains(messages, m => m.StartsWith("第 3 行“是否包吃”："));
        Assert.Contains(messages, m => m.StartsWith("第 3 行“截止日期”："));
        Assert.Contains(messages, m => m.StartsWith("第 4 行：与第 2 行是同一岗位"));
        Assert.Equal(0, await CountAsync<Vacancy>());
        Assert.Equal(0, await CountAsync<Employer>());
    }

    [Fact]
    public async Task A_file_that_is_not_a_spreadsheet_or_lacks_columns_gets_a_clear_message()
    {
        var notExcel = await ImportAsync(new MemoryStream("单位名称,岗位名称\n某厂,普工"u8.ToArray()), dryRun: true);
        Assert.Contains(".xlsx", Assert.Single(notExcel.Errors).Message);

        var stream = new MemoryStream();
        using (var writer = TableWriters.Create(ExportFormat.Xlsx, stream, "岗位", ["单位名称", "岗位名称"])) writer.WriteRow(["某厂", "普工"]);
        var missing = await ImportAsync(new MemoryStream(stream.ToArray()), dryRun: true);
        Assert.Contains(missing.Errors, e => e.Column == "统一社会信用代码" && e.Message.Contains("缺少该列"));
    }

    [Fact]
    public async Task Vacancies_of_an_employer_managed_by_another_county_are_refused()
    {
        await EmployerAsync(Huayuan, BydCode, "比亚迪");
        var summary = await ImportAsync(Sheet(Byd1), dryRun: false);
        Assert.Contains(summary.Errors, e => e.Row == 2 && e.Column == "统一社会信用代码" && e.Message.Contains("其他县级就业部门"));
        Assert.Equal(0, await CountAsync<Vacancy>());
    }

    [Theory]
    [InlineData("18-45", 18, 45)]
    [InlineData("18～45周岁", 18, 45)]
    [InlineData("45岁以下", null, 45)]
    [InlineData("18岁以上", 18, null)]
    [InlineData("不限", null, null)]
    public void Age_requirements_are_read_as_people_write_them(string text, int? min, int? max) =>
        Assert.Equal((min, max, true), VacancyImportService.ParseAge(text));
}

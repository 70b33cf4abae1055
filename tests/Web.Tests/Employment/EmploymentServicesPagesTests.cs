using System.Net;
using System.Text.RegularExpressions;
using Bangfu.Employment.Employers;
using Bangfu.Employment.Jobseekers;
using Bangfu.Employment.Vacancies;
using Bangfu.Platform.Data;
using Bangfu.Platform.Scope;
using Bangfu.Registry.People;
using Bangfu.Registry.RosterExport;
using Bangfu.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Web.Tests.Employment;

/// <summary>The employer, vacancy and jobseeker pages on the seed villages (贺家湾村 of 宁乡市, 十八洞村 of 花垣县).</summary>
public sealed partial class EmploymentServicesPagesTests : SeedVillagesWebTest
{
    private const string Ningxiang = "430182";
    private const string Huayuan = "433124";
    private const string BydCode = "91440300192317458F";
    private const string HuaweiCode = "914403001922038216";

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), Clock.LocalTimeZone).DateTime);

    private static Dictionary<string, string> EmployerForm(string name, string code) => new()
    {
        ["Input.Name"] = name, ["Input.CreditCode"] = code, ["Input.RegionCode"] = "430182106",
        ["Input.ContactName"] = "张经理", ["Input.ContactPhone"] = "13800138000", ["Input.Address"] = "煤炭坝镇工业园",
    };

    private Dictionary<string, string> VacancyForm(string title) => new()
    {
        ["Input.Title"] = title, ["Input.OccupationCode"] = "6-29-01-04 钢筋工", ["Input.Headcount"] = "30", ["Input.WageMin"] = "6000",
        ["Input.WageMax"] = "8000", ["Input.WorkplaceRegionCode"] = "430182", ["Input.AgeMin"] = "18", ["Input.AgeMax"] = "55",
        ["Input.MealsProvided"] = "true", ["Input.SuitableForRuralLabour"] = "true", ["Input.ExpiresOn"] = Today.AddDays(30).ToString("yyyy-MM-dd"),
    };

    private async Task<Employer> EmployerInAsync(string county, string code, string name)
    {
        await using var scope = Services.InScope(RegionScope.Of(county));
        return (await scope.Get<EmployerService>().SaveAsync(null, new EmployerInput(name, code, null, county, null, "李", "13912345678", null)))!.Employer!;
    }

    private async Task<Vacancy> VacancyInAsync(string county, Guid employerId)
    {
        await using var scope = Services.InScope(RegionScope.Of(county));
        var input = new VacancyInput
        {
            Title = "保洁员", OccupationCode = "4-09", Headcount = 5, WageMin = 1800, WageMax = 2200, WorkplaceRegionCode = county,
            ExpiresOn = Today.AddDays(10),
        };
        return (await scope.Get<VacancyService>().CreateAsync(employerId, input, VacancySource.Officer))!.Vacancy!;
    }

    // Not inside a longer run of letters and digits: a random id's hex segment (…-13806163930e) is not a phone.
    [GeneratedRegex(@"(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])")]
    private static partial Regex FullMobile();

    [Fact]
    public async Task A_county_officer_registers_an_employer_posts_a_vacancy_and_publishes_it_after_review()
    {
        var client = await SignInAsync("ningxiang", Ningxiang);

        var created = await PostFormAsync(client, "/Employment/Employers/Edit", EmployerForm("比亚迪汽车工业有限公司", BydCode));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var employerUrl = created.Headers.Location!.OriginalString;
        var employerId = Guid.Parse(employerUrl.Split('/')[^1]);
        var list = await client.GetStringAsync("/Employment/Employers?q=比亚迪");
        Assert.Contains("比亚迪汽车工业有限公司", list);
        Assert.Contains("138****8000", list);
        Assert.DoesNotMatch(FullMobile(), list);
        Assert.DoesNotMatch(FullMobile(), await client.GetStringAsync(employerUrl));

        var posted = await PostFormAsync(client, $"/Employment/Vacancies/Edit?employerId={employerId}", VacancyForm("钢筋工（宁乡项目）"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var vacancyId = Guid.Parse(posted.Headers.Location!.OriginalString.Split('/')[^1]);
        Assert.Contains("钢筋工（宁乡项目）", await client.GetStringAsync("/Employment/Vacancies/Review"));

        var reviewed = await PostFormAsync(client, "/Employment/Vacancies/Review", new() { ["id"] = vacancyId.ToString(), ["decision"] = "publish" });
        Assert.Equal(HttpStatusCode.Redirect, reviewed.StatusCode);
        Assert.Contains("已发布", await client.GetStringAsync("/Employment/Vacancies?state=Published"));
        await using var scope = Services.InScope();
        var v = await scope.Get<AppDbContext>().Set<Vacancy>().SingleAsync();
        Assert.Equal((VacancyState.Published, "6-29-01-04", 30, 6000, 8000, true, false), (v.State, v.OccupationCode, v.Headcount, v.WageMin, v.WageMax, v.MealsProvided, v.HousingProvided));
    }

    [Fact]
    public async Task Wrong_input_on_the_forms_shows_Chinese_errors_by_field_and_keeps_what_was_typed()
    {
        var client = await SignInAsync("ningxiang", Ningxiang);
        var employer = await PostFormAsync(client, "/Employment/Employers/Edit", EmployerForm("某厂", "91440300192317458A"));
        Assert.Equal(HttpStatusCode.OK, employer.StatusCode);
        var html = await employer.Content.ReadAsStringAsync();
        Assert.Contains("校验位错误", html);
        Assert.Contains("value=\"某厂\"", html);

        var byd = await EmployerInAsync(Ningxiang, BydCode, "比亚迪");
        var form = VacancyForm("普工");
        form["Input.WageMin"] = "五千";
        form["Input.OccupationCode"] = "宇航员";
        var vacancy = await PostFormAsync(client, $"/Employment/Vacancies/Edit?employerId={byd.Id}", form);
        var vacancyHtml = await vacancy.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, vacancy.StatusCode);
        Assert.Contains("月薪下限应为整数", vacancyHtml);
        Assert.Contains("不在职业分类代码表中", vacancyHtml);
    }

    [Fact]
    public async Task An_officer_of_Ningxiang_gets_404_for_the_employers_and_vacancies_of_Huayuan()
    {
        var employer = await EmployerInAsync(Huayuan, HuaweiCode, "花垣县某物业公司");
        var vacancy = await VacancyInAsync(Huayuan, employer.Id);
        var client = await SignInAsync("ningxiang", Ningxiang);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Employment/Employers/Edit/{employer.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Employment/Vacancies/Edit/{vacancy.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Employment/Vacancies/Edit?employerId={employer.Id}")).StatusCode);
        var review = await PostFormAsync(client, "/Employment/Vacancies/Review",
            new() { ["id"] = vacancy.Id.ToString(), ["decision"] = "publish" });
        Assert.Equal(HttpStatusCode.NotFound, review.StatusCode);
        var edit = await PostFormAsync(client, $"/Employment/Employers/Edit/{employer.Id}", EmployerForm("改名", HuaweiCode), "/Employment/Employers/Edit");
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.DoesNotContain("花垣县某物业公司", await client.GetStringAsync("/Employment/Employers"));

        await using var scope = Services.InScope();
        Assert.Equal(VacancyState.PendingReview, (await scope.Get<AppDbContext>().Set<Vacancy>().SingleAsync()).State);
        Assert.Equal("花垣县某物业公司", (await scope.Get<AppDbContext>().Set<Employer>().SingleAsync()).Name);
    }

    [Fact]
    public async Task A_village_officer_cannot_reach_the_employer_or_review_pages()
    {
        var client = await SignInAsync("hejiawan", Hejiawan);
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/Employment/Employers")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/Employment/Vacancies/Review")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/Employment/Vacancies/Import")).StatusCode);
    }

    [Fact]
    public async Task The_import_page_checks_then_imports_and_the_template_downloads()
    {
        var client = await SignInAsync("ningxiang", Ningxiang);
        var template = await client.GetAsync("/Employment/Vacancies/Import?handler=Template");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        var path = Path.Combine(Database.DataDirectory, "岗位.xlsx");
        await File.WriteAllBytesAsync(path, await template.Content.ReadAsByteArrayAsync()); // the template's example row is valid

        var check = await PostFileAsync(client, "/Employment/Vacancies/Import", "file", path, new() { ["commit"] = "false" });
        var checkHtml = await check.Content.ReadAsStringAsync();
        Assert.Contains("检查通过，尚未导入", checkHtml);
        Assert.Contains("新岗位 1 个", checkHtml);

        var imported = await (await PostFileAsync(client, "/Employment/Vacancies/Import", "file", path, new() { ["commit"] = "true" })).Content.ReadAsStringAsync();
        Assert.Contains("已导入，等待审核", imported);
        var again = await (await PostFileAsync(client, "/Employment/Vacancies/Import", "file", path, new() { ["commit"] = "true" })).Content.ReadAsStringAsync();
        Assert.Contains("新岗位 0 个，已存在（不变）1 个", again);

        path = Path.Combine(Database.DataDirectory, "岗位-错误.xlsx");
        using (var stream = File.Create(path))
        using (var writer = TableWriters.Create(ExportFormat.Xlsx, stream, "岗位", VacancyImportService.Columns))
            writer.WriteRow(["某厂", BydCode, "普工", "宇航员", "10", "4000", "5000", "宁乡市", "", "", "", "", "", "", "", Today.AddDays(5).ToString("yyyy-MM-dd")]);
        var bad = await (await PostFileAsync(client, "/Employment/Vacancies/Import", "file", path, new() { ["commit"] = "true" })).Content.ReadAsStringAsync();
        Assert.Contains("第 2 行“职业（代码或名称）”", bad);
        Assert.Contains("未导入", bad);
    }

    [Fact]
    public async Task A_village_cadre_keeps_the_profile_of_a_person_of_the_village_but_gets_404_for_Shibadong()
    {
        Guid own, stranger;
        await using (var scope = Services.InScope())
        {
            var people = scope.Get<AppDbContext>().Set<Person>();
            own = await people.Where(p => p.RegionCode == Hejiawan && p.PhoneMasked != null).Select(p => p.Id).FirstAsync();
            stranger = await people.Where(p => p.RegionCode == Shibadong).Select(p => p.Id).FirstAsync();
        }
        var client = await SignInAsync("hejiawan", Hejiawan);

        var listing = await client.GetStringAsync("/Employment/Jobseekers");
        Assert.Contains($"/Employment/Jobseekers/Edit/{own}", listing);
        var page = await client.GetStringAsync($"/Employment/Jobseekers/Edit/{own}");
        Assert.DoesNotMatch(FullMobile(), page);
        Assert.DoesNotMatch(FullMobile(), listing);

        var saved = await PostFormAsync(client, $"/Employment/Jobseekers/Edit/{own}", new()
        {
            ["Input.Wanted[0]"] = "保安", ["Input.Wanted[1]"] = "4-09", ["Input.Skills[0]"] = "6-29-01-01 砌筑工",
            ["Input.Certificates"] = "电工证\n叉车证", ["Input.ExpectedWageMin"] = "3500", ["Input.Reach"] = "InCounty",
            ["Input.MustBeHomeDaily"] = "true", ["Input.AvailableFrom"] = Today.ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var scope = Services.InScope())
        {
            var p = await scope.Get<AppDbContext>().Set<JobseekerProfile>().SingleAsync();
            Assert.Equal((own, Hejiawan, 3500, Reach.InCounty, true), (p.PersonId, p.RegionCode, p.ExpectedWageMin!.Value, p.Reach, p.MustBeHomeDaily));
            Assert.Equal(["4-07-05-01", "4-09"], p.WantedOccupationCodes);
            Assert.Equal(["电工证", "叉车证"], p.Certificates);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Employment/Jobseekers/Edit/{stranger}")).StatusCode);
        var post = await PostFormAsync(client, $"/Employment/Jobseekers/Edit/{stranger}", new() { ["Input.ExpectedWageMin"] = "1" },
            $"/Employment/Jobseekers/Edit/{own}");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Employment/Jobseekers?village={Shibadong}")).StatusCode);
    }
}

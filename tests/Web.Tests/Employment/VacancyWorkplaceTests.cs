using System.Net;
using System.Text.RegularExpressions;
using Bangfu.Employment.Employers;
using Bangfu.Employment.Vacancies;
using Bangfu.Platform.Data;
using Bangfu.Platform.Scope;
using Bangfu.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Web.Tests.Employment;

/// <summary>The vacancy form's workplace: a code of the region tree at county level or below, shown by name.</summary>
public sealed class VacancyWorkplaceTests : SeedVillagesWebTest
{
    private const string Ningxiang = "430182";

    private static string FieldError(string html, string field) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"<span[^>]*data-valmsg-for=\"{field}\"[^>]*>([^<]*)</span>").Groups[1].Value);

    [Fact]
    public async Task A_workplace_code_outside_the_region_tree_or_above_county_level_is_refused_and_a_good_one_is_shown_by_name()
    {
        Guid employerId;
        await using (var scope = Services.InScope(RegionScope.Of(Ningxiang)))
            employerId = (await scope.Get<EmployerService>().SaveAsync(null,
                new EmployerInput("宁乡市顺达物流有限公司", "91440300192317458F", null, Ningxiang, null, null, null, null)))!.Employer!.Id;
        var client = await SignInAsync("ningxiang", Ningxiang);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), Clock.LocalTimeZone).DateTime);
        Dictionary<string, string> Form(string workplace) => new()
        {
            ["Input.Title"] = "叉车司机", ["Input.OccupationCode"] = "4-02-05", ["Input.Headcount"] = "3", ["Input.WageMin"] = "4000",
            ["Input.WageMax"] = "5000", ["Input.WorkplaceRegionCode"] = workplace, ["Input.ExpiresOn"] = today.AddDays(30).ToString("yyyy-MM-dd"),
        };
        var url = $"/Employment/Vacancies/Edit?employerId={employerId}";
        foreach (var (code, message) in new[]
                 {
                     ("999999", "工作地点“999999”不是行政区划代码"), ("440300", "工作地点“440300”不是行政区划代码"), ("43018x", "不是行政区划代码"),
                     ("44", "工作地点请具体到县（市、区）：“广东省”是省、市一级"), ("4403", "“广东省深圳市”是省、市一级"),
                 })
        {
            var refused = await PostFormAsync(client, url, Form(code));
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(message, FieldError(await refused.Content.ReadAsStringAsync(), "Input.WorkplaceRegionCode"));
        }
        await using (var scope = Services.InScope())
            Assert.Equal(0, await scope.Get<AppDbContext>().Set<Vacancy>().CountAsync());

        var posted = await PostFormAsync(client, url, Form("430182106"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var review = WebUtility.HtmlDecode(await client.GetStringAsync("/Employment/Vacancies/Review"));
        Assert.Contains("湖南省长沙市宁乡市煤炭坝镇 <span class=\"small\">（430182106）</span>", review);

        var id = posted.Headers.Location!.OriginalString.Split('/')[^1];
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, "/Employment/Vacancies/Review", new() { ["id"] = id, ["decision"] = "publish" })).StatusCode);
        var summary = WebUtility.HtmlDecode(await client.GetStringAsync($"/Employment/Vacancies/Edit/{id}"));
        Assert.Contains("湖南省长沙市宁乡市煤炭坝镇 <span class=\"text-muted small\">430182106</span>", summary);
    }

    [Fact]
    public async Task The_vacancy_form_picks_its_workplace_province_city_county_anywhere_and_keeps_a_township_code()
    {
        Guid employerId;
        await using (var scope = Services.InScope(RegionScope.Of(Ningxiang)))
            employerId = (await scope.Get<EmployerService>().SaveAsync(null,
                new EmployerInput("宁乡市顺达物流有限公司", "91440300192317458F", null, Ningxiang, null, null, null, null)))!.Employer!.Id;
        var client = await SignInAsync("ningxiang", Ningxiang);
        var blank = WebUtility.HtmlDecode(await client.GetStringAsync($"/Employment/Vacancies/Edit?employerId={employerId}"));
        var picker = Regex.Match(blank, "<div class=\"col-12\" id=\"workplace\">.*?</span>\\s*</div>", RegexOptions.Singleline).Value;
        Assert.Contains("data-children-url=\"/Registry/Regions?handler=Places\"", picker);
        Assert.Contains("name=\"Input.WorkplaceRegionCode\" value=\"\"", picker);
        Assert.Contains("<option value=\"44\">广东省</option>", picker);

        // A refused form shows the place chosen level by level; a township code stays as it was.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), Clock.LocalTimeZone).DateTime);
        var refused = await PostFormAsync(client, $"/Employment/Vacancies/Edit?employerId={employerId}", new()
        {
            ["Input.Title"] = "", ["Input.OccupationCode"] = "4-02-05", ["Input.Headcount"] = "3", ["Input.WageMin"] = "4000",
            ["Input.WageMax"] = "5000", ["Input.WorkplaceRegionCode"] = "430182106", ["Input.ExpiresOn"] = today.AddDays(30).ToString("yyyy-MM-dd"),
        });
        var form = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("请填写岗位名称", form);
        foreach (var (code, name) in new[] { ("43", "湖南省"), ("4301", "长沙市"), ("430182", "宁乡市") })
            Assert.Contains($"<option value=\"{code}\" selected=\"selected\">{name}</option>", form);
        Assert.Contains("name=\"Input.WorkplaceRegionCode\" value=\"430182106\"", form);
    }
}

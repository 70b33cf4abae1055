using System.Net;
using System.Text.RegularExpressions;
using Bangfu.Employment.Employers;
using Bangfu.Employment.Referrals;
using Bangfu.Employment.Transport;
using Bangfu.Employment.Vacancies;
using Bangfu.Platform.Data;
using Bangfu.Platform.Scope;
using Bangfu.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Web.Tests.Employment;

/// <summary>The pickers of two forms: the referral's vacancy (open vacancies searched on the server) and the transport batch's destination (the region tree).</summary>
public sealed class PickerPagesTests : SeedVillagesWebTest
{
    private const string Ningxiang = "430182";

    private async Task<(Guid Open, Guid Pending)> VacanciesAsync()
    {
        await using var scope = Services.InScope(RegionScope.Of(Ningxiang));
        var employer = (await scope.Get<EmployerService>().SaveAsync(null,
            new EmployerInput("宁乡市顺达物流有限公司", "91440300192317458F", null, Ningxiang, null, null, null, null)))!.Employer!;
        var vacancies = scope.Get<VacancyService>();
        VacancyInput Input(string title) => new()
        {
            Title = title, OccupationCode = "4-02-05", Headcount = 5, WageMin = 4000, WageMax = 5000, WorkplaceRegionCode = "430182106",
            ExpiresOn = vacancies.Today.AddDays(20),
        };
        var open = (await vacancies.CreateAsync(employer.Id, Input("叉车司机"), VacancySource.Officer))!.Vacancy!.Id;
        await vacancies.ReviewAsync(open, true, null);
        var pending = (await vacancies.CreateAsync(employer.Id, Input("叉车维修工"), VacancySource.Officer))!.Vacancy!.Id;
        return (open, pending);
    }

    [Fact]
    public async Task The_referral_form_picks_its_vacancy_from_open_vacancies_found_by_title_occupation_or_employer()
    {
        var (open, pending) = await VacanciesAsync();
        var person = (await ListAsync(Hejiawan, Bangfu.Employment.MonthlyRound.VillageList.LabourForce))[0].Person;
        var client = await SignInAsync("hejiawan", Hejiawan);

        var form = WebUtility.HtmlDecode(await client.GetStringAsync($"/Employment/Referrals?village={Hejiawan}"));
        Assert.Contains("hx-get=\"/Employment/Referrals?handler=Vacancies\"", form);
        Assert.Matches("<script src=\"/js/referral.js\\?v=[^\"]+\"></script>", form);
        foreach (var q in new[] { "叉车", "装卸", "顺达" }) // title, occupation (装卸搬运), employer
        {
            var found = WebUtility.HtmlDecode(await client.GetStringAsync($"/Employment/Referrals?handler=Vacancies&q={Uri.EscapeDataString(q)}"));
            Assert.Contains($"data-vacancy-choice=\"{open}\"", found);
            Assert.Contains("宁乡市煤炭坝镇", found);
            Assert.DoesNotContain(pending.ToString(), found);
        }
        Assert.Contains("没有找到在招岗位", await client.GetStringAsync("/Employment/Referrals?handler=Vacancies&q=%E6%BD%9C%E6%B0%B4%E5%91%98"));
        Assert.Equal("", (await client.GetStringAsync("/Employment/Referrals?handler=Vacancies&q=")).Trim());

        // Opened for a vacancy (from matching), the form shows it chosen; a vacancy never published is not shown.
        var chosen = WebUtility.HtmlDecode(await client.GetStringAsync($"/Employment/Referrals?village={Hejiawan}&person={person.Id}&vacancy={open}"));
        Assert.Contains("已选岗位：<span data-vacancy-chosen-text>叉车司机 · 宁乡市顺达物流有限公司</span>", chosen);
        Assert.Contains("value=\"叉车司机\"", chosen);
        Assert.DoesNotContain("叉车维修工", WebUtility.HtmlDecode(await client.GetStringAsync($"/Employment/Referrals?village={Hejiawan}&vacancy={pending}")));

        Dictionary<string, string> Fields(Guid vacancy) => new()
        {
            ["Input.Person"] = person.Id.ToString(), ["Input.Vacancy"] = vacancy.ToString(), ["Input.JobTitle"] = "叉车司机",
            ["Input.EmployerName"] = "宁乡市顺达物流有限公司", ["Input.Source"] = "Push", ["Input.ReferredOn"] = "2021-12-20",
        };
        var unknown = await PostFormAsync(client, $"/Employment/Referrals?village={Hejiawan}", Fields(Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("找不到所选的岗位", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()));
        var saved = await PostFormAsync(client, $"/Employment/Referrals?village={Hejiawan}", Fields(open));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var scope = Services.InScope();
        var referral = await scope.Get<AppDbContext>().Set<Referral>().AsNoTracking().SingleAsync();
        Assert.Equal((open, person.Id, "叉车司机"), (referral.VacancyId!.Value, referral.PersonId, referral.JobTitle));
    }

    [Fact]
    public async Task A_county_officer_picks_a_batchs_destination_province_city_county_anywhere_and_the_employer_beside_it()
    {
        var client = await SignInAsync("ningxiang", Ningxiang);
        var form = WebUtility.HtmlDecode(await client.GetStringAsync("/Employment/Transport/Edit"));
        var destination = Regex.Match(form, "<div class=\"mb-2\" id=\"destination\">.*?</span>\\s*</div>", RegexOptions.Singleline).Value;
        Assert.Contains("data-children-url=\"/Registry/Regions?handler=Places\"", destination);
        Assert.Contains("name=\"Input.DestinationRegionCode\" value=\"\"", destination);
        Assert.Contains("<option value=\"44\">广东省</option>", destination); // outside the officer's scope: the whole country
        Assert.Contains("name=\"Input.EmployerName\"", form);

        // The levels below, as the picker's script asks for them: cities of a province, counties of a city, nothing deeper.
        var cities = WebUtility.HtmlDecode(await client.GetStringAsync("/Registry/Regions?handler=Places&parent=44"));
        Assert.Contains("<option value=\"4403\">深圳市</option>", cities);
        Assert.Contains("请选择市（州）", cities);
        Assert.Contains("<option value=\"440310\">坪山区</option>", WebUtility.HtmlDecode(await client.GetStringAsync("/Registry/Regions?handler=Places&parent=4403")));
        foreach (var parent in new[] { "440310", "4499", "x", "4" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Registry/Regions?handler=Places&parent={parent}")).StatusCode);
        // The scope-bound picker stays as it was.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Registry/Regions?handler=Children&parent=44")).StatusCode);

        var created = await PostFormAsync(client, "/Employment/Transport/Edit", new()
        {
            ["Input.OrganiserRegionCode"] = Ningxiang, ["Input.Organiser"] = "宁乡市人社局", ["Input.TravelDate"] = "2022-02-10",
            ["Input.OriginRegionCode"] = Ningxiang, ["Input.DestinationRegionCode"] = "440310", ["Input.EmployerName"] = "比亚迪股份有限公司",
            ["Input.Mode"] = "Bus", ["Input.Seats"] = "45", ["Input.PaidBy"] = "Government",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Guid id;
        await using (var scope = Services.InScope())
            id = (await scope.Get<AppDbContext>().Set<TransportBatch>().AsNoTracking().SingleAsync(b => b.DestinationRegionCode == "440310")).Id;
        // Changing it later shows the destination chosen level by level.
        var edit = WebUtility.HtmlDecode(await client.GetStringAsync($"/Employment/Transport/Edit?id={id}"));
        foreach (var (code, name) in new[] { ("44", "广东省"), ("4403", "深圳市"), ("440310", "坪山区") })
            Assert.Contains($"<option value=\"{code}\" selected=\"selected\">{name}</option>", edit);
        Assert.Contains("value=\"比亚迪股份有限公司\"", edit);
    }
}

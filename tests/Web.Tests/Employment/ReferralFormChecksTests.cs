using System.Net;
using Bangfu.Employment.Employers;
using Bangfu.Employment.MonthlyRound;
using Bangfu.Employment.Referrals;
using Bangfu.Employment.Vacancies;
using Bangfu.Platform.Data;
using Bangfu.Platform.Scope;
using Bangfu.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bangfu.Web.Tests.Employment;

/// <summary>The referral and outcome forms refuse bad input with a Chinese message beside the field it concerns.</summary>
public sealed class ReferralFormChecksTests : SeedVillagesWebTest
{
    private const string Ningxiang = "430182";

    private async Task<(Guid Open, Guid Withdrawn, Guid Filled)> VacanciesAsync()
    {
        await using var scope = Services.InScope(RegionScope.Of(Ningxiang));
        var employer = (await scope.Get<EmployerService>().SaveAsync(null,
            new EmployerInput("宁乡市顺达物流有限公司", "91440300192317458F", null, Ningxiang, null, null, null, null)))!.Employer!;
        var vacancies = scope.Get<VacancyService>();
        async Task<Guid> Published(string title)
        {
            var id = (await vacancies.CreateAsync(employer.Id, new VacancyInput
            {
                Title = title, OccupationCode = "4-02-05", Headcount = 5, WageMin = 4000, WageMax = 5000, WorkplaceRegionCode = "430182106",
                ExpiresOn = vacancies.Today.AddDays(20),
            }, VacancySource.Officer))!.Vacancy!.Id;
            await vacancies.ReviewAsync(id, true, null);
            return id;
        }
        var (open, withdrawn, filled) = (await Published("叉车司机"), await Published("仓库管理员"), await Published("装卸工"));
        await vacancies.WithdrawAsync(withdrawn);
        await vacancies.MarkFilledAsync(filled);
        return (open, withdrawn, filled);
    }

    private static string FieldError(string html, string field) =>
        System.Text.RegularExpressions.Regex.Match(html, $"<span[^>]*data-valmsg-for=\"{field}\"[^>]*>([^<]*)</span>").Groups[1].Value;

    [Fact]
    public async Task A_referral_names_an_open_vacancy_and_takes_its_title_and_employer_from_it()
    {
        var (open, withdrawn, filled) = await VacanciesAsync();
        var person = (await ListAsync(Hejiawan, VillageList.LabourForce))[0].Person;
        var client = await SignInAsync("hejiawan", Hejiawan);

        // A link for a closed vacancy picks nothing and says why.
        var link = WebUtility.HtmlDecode(await client.GetStringAsync($"/Employment/Referrals?village={Hejiawan}&person={person.Id}&vacancy={withdrawn}"));
        Assert.Contains("岗位“仓库管理员”（宁乡市顺达物流有限公司）已停止招聘", FieldError(link, "Input.Vacancy"));
        Assert.DoesNotContain(withdrawn.ToString(), link);

        Dictionary<string, string> Fields(Guid? vacancy, string title = "叉车司机", string employer = "宁乡市顺达物流有限公司", string on = "2021-12-20") => new()
        {
            ["Input.Person"] = person.Id.ToString(), ["Input.Vacancy"] = vacancy?.ToString() ?? "", ["Input.JobTitle"] = title,
            ["Input.EmployerName"] = employer, ["Input.Source"] = "Push", ["Input.ReferredOn"] = on,
        };
        foreach (var (closed, title) in new[] { (withdrawn, "仓库管理员"), (filled, "装卸工") })
        {
            var refused = await PostFormAsync(client, $"/Employment/Referrals?village={Hejiawan}", Fields(closed, title));
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains($"岗位“{title}”（宁乡市顺达物流有限公司）已停止招聘", FieldError(WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), "Input.Vacancy"));
        }

        // Dates before 2013 or after today are refused beside the date field.
        foreach (var (on, message) in new[] { ("0001-01-01", "推荐日期不能早于2013年"), ("2012-12-31", "推荐日期不能早于2013年"), (Clock.GetLocalNow().AddDays(1).ToString("yyyy-MM-dd"), "推荐日期不能晚于今天") })
        {
            var refused = await PostFormAsync(client, $"/Employment/Referrals?village={Hejiawan}", Fields(null, on: on));
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(message, FieldError(WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), "Input.ReferredOn"));
        }

        await using (var scope = Services.InScope())
            Assert.Equal(0, await scope.Get<AppDbContext>().Set<Referral>().CountAsync());

        // An open vacancy paired with another job and employer: the vacancy's own are kept.
        var saved = await PostFormAsync(client, $"/Employment/Referrals?village={Hejiawan}", Fields(open, "总经理", "某某集团"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var scope = Services.InScope())
        {
            var referral = await scope.Get<AppDbContext>().Set<Referral>().AsNoTracking().SingleAsync();
            Assert.Equal((open, "叉车司机", "宁乡市顺达物流有限公司"), (referral.VacancyId!.Value, referral.JobTitle, referral.EmployerName));
        }
    }

    [Fact]
    public async Task The_outcome_form_shows_the_services_messages_beside_wage_and_dates()
    {
        var person = (await ListAsync(Hejiawan, VillageList.LabourForce))[0].Person;
        Guid id;
        await using (var scope = Services.InScope())
            id = (await scope.Get<ReferralService>().CreateAsync(new ReferralInput(person.Id, null, "普工", "比亚迪长沙工厂", ReferralSource.Fair, new DateOnly(2021, 12, 1)), "测试")).Id;
        var client = await SignInAsync("hejiawan", Hejiawan);
        Dictionary<string, string> Fields(string wage = "4500", string on = "2021-12-10") => new()
        {
            ["Input.Outcome"] = "Hired", ["Input.OutcomeOn"] = on, ["Input.EmployerName"] = "比亚迪长沙工厂", ["Input.StartDate"] = "2021-12-15",
            ["Input.Wage"] = wage, ["Input.Workplace"] = "长沙市岳麓区",
        };
        foreach (var wage in new[] { "-100", "2000000" })
        {
            var refused = await PostFormAsync(client, $"/Employment/Referrals/Outcome?id={id}", Fields(wage: wage));
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Equal("月工资应在 0 至 1,000,000 元之间。", FieldError(WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), "Input.Wage"));
        }
        var early = await PostFormAsync(client, $"/Employment/Referrals/Outcome?id={id}", Fields(on: "0001-01-01"));
        Assert.Contains("结果日期不能早于2013年", FieldError(WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync()), "Input.OutcomeOn"));
        var late = await PostFormAsync(client, $"/Employment/Referrals/Outcome?id={id}", Fields(on: Clock.GetLocalNow().AddDays(1).ToString("yyyy-MM-dd")));
        Assert.Contains("结果日期不能晚于今天", FieldError(WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync()), "Input.OutcomeOn"));
        await using (var scope = Services.InScope())
            Assert.Null((await scope.Get<AppDbContext>().Set<Referral>().AsNoTracking().SingleAsync()).Outcome);

        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, $"/Employment/Referrals/Outcome?id={id}", Fields())).StatusCode);
    }
}

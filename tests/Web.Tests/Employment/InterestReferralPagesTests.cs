using System.Net;
using Bangfu.Employment.Employers;
using Bangfu.Employment.Fairs;
using Bangfu.Employment.Referrals;
using Bangfu.Employment.Vacancies;
using Bangfu.Identity.Users;
using Bangfu.Platform.Audit;
using Bangfu.Platform.Data;
using Bangfu.Platform.Scope;
using Bangfu.Platform.Security;
using Bangfu.Platform.Users;
using Bangfu.Registry.People;
using Bangfu.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Web.Tests.Employment;

/// <summary>
/// Interest from the online fair followed up as referrals: by the village (a matched person), by the county bureau (linking an
/// unmatched one by ID number) and by the employer on its vacancy's page; on the seed roster, with two employers of 宁乡市.
/// </summary>
public sealed class InterestReferralPagesTests : SeedVillagesWebTest
{
    private const string Ningxiang = "430182";
    private const string Huayuan = "433124";

    private async Task<(Guid Employer, Guid Vacancy)> PublishedAsync(string name, string code, string title)
    {
        await using var scope = Services.InScope(RegionScope.Of(Ningxiang));
        var employer = (await scope.Get<EmployerService>().SaveAsync(null, new EmployerInput(name, code, null, Ningxiang, null, "李经理", "13912345678", null)))!.Employer!;
        var vacancies = scope.Get<VacancyService>();
        var posted = await vacancies.CreateAsync(employer.Id, new VacancyInput
        {
            Title = title, OccupationCode = "6-22", Headcount = 20, WageMin = 4500, WageMax = 6000, WorkplaceRegionCode = Ningxiang,
            ExpiresOn = vacancies.Today.AddDays(30),
        }, VacancySource.Officer);
        await vacancies.ReviewAsync(posted!.Vacancy!.Id, true, null);
        return (employer.Id, posted.Vacancy.Id);
    }

    /// <summary>A person of the village with the ID number in clear (the test knows it).</summary>
    private async Task<(Guid Id, string Name, string IdNumber)> PersonAsync(string village, int n)
    {
        await using var scope = Services.InScope();
        var p = await scope.Get<AppDbContext>().Set<Person>().AsNoTracking().Where(x => x.RegionCode == village).OrderBy(x => x.PersonNumber).Skip(n).FirstAsync();
        return (p.Id, p.Name, scope.Get<PersonalDataProtector>().Decrypt(p.IdNumberCipher));
    }

    private async Task RegisterAsync(Guid vacancy, string name, string phone, string? idNumber = null)
    {
        await using var scope = Services.InScope(RegionScope.None);
        Assert.True((await scope.Get<VacancyInterestService>().RegisterAsync(vacancy, new InterestInput(name, phone, idNumber))).Succeeded);
    }

    private async Task<List<VacancyInterest>> InterestsAsync()
    {
        await using var scope = Services.InScope();
        return await scope.Get<AppDbContext>().Set<VacancyInterest>().AsNoTracking().ToListAsync();
    }

    private async Task<HttpClient> EmployerAccountAsync(string userName, Guid employer)
    {
        await CreateAccountAsync(userName, null, [Roles.Employer]);
        await using (var scope = Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.AddClaimAsync((await users.FindByNameAsync(userName))!, new(EmployerAccount.ClaimType, employer.ToString()));
        }
        return await SignInAgainAsync(userName);
    }

    [Fact]
    public async Task Interest_registered_on_the_public_page_by_a_registry_person_is_in_the_villages_referral_list_at_once()
    {
        var (_, vacancy) = await PublishedAsync("比亚迪汽车工业有限公司", "91440300192317458F", "汽车零部件装配工");
        var person = await PersonAsync(Hejiawan, 0);
        var form = $"/Fair/Vacancy/{vacancy}";
        var answer = await PostFormAsync(Client(), form, new() { ["Name"] = person.Name, ["Phone"] = "13700000101", ["IdNumber"] = person.IdNumber });
        var stranger = await PostFormAsync(Client(), form, new() { ["Name"] = "路人丙", ["Phone"] = "13700000102" });
        // The public is answered alike.
        Assert.Equal((HttpStatusCode.Redirect, stranger.Headers.Location), (answer.StatusCode, answer.Headers.Location));

        var village = await SignInAsync("hejiawan", Hejiawan);
        var referrals = WebUtility.HtmlDecode(await village.GetStringAsync($"/Employment/Referrals?village={Hejiawan}"));
        Assert.Contains("网上报名", referrals);
        Assert.Contains("比亚迪汽车工业有限公司 · 汽车零部件装配工", referrals);
        Assert.Contains(person.Name, referrals);
        var interests = WebUtility.HtmlDecode(await village.GetStringAsync("/Employment/Interests"));
        Assert.Contains("已登记推荐就业（网上报名）", interests);
        Assert.DoesNotContain("路人丙", interests);
    }

    [Fact]
    public async Task The_county_bureau_links_an_unmatched_interest_by_id_number_and_another_county_is_answered_404()
    {
        var (_, vacancy) = await PublishedAsync("比亚迪汽车工业有限公司", "91440300192317458F", "汽车零部件装配工");
        await RegisterAsync(vacancy, "小周", "13700000111");
        var interest = (await InterestsAsync()).Single().Id;
        var person = await PersonAsync(Hejiawan, 1);
        var county = await SignInAsync("ningxiang", Ningxiang);
        var list = WebUtility.HtmlDecode(await county.GetStringAsync("/Employment/Interests"));
        Assert.Contains("关联到花名册并登记推荐", list);

        var bad = await PostFormAsync(county, "/Employment/Interests?handler=Link", new() { ["id"] = interest.ToString(), ["idNumber"] = "43018219" },
            "/Employment/Interests");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badHtml = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("身份证号码不正确", badHtml);
        Assert.Contains("value=\"43018219\"", badHtml);

        var other = await SignInAsync("huayuan", Huayuan);
        var foreign = await PostFormAsync(other, "/Employment/Interests?handler=Link", new() { ["id"] = interest.ToString(), ["idNumber"] = person.IdNumber },
            "/Employment/Interests");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Null((await InterestsAsync()).Single().PersonId);

        var linked = await PostFormAsync(county, "/Employment/Interests?handler=Link", new() { ["id"] = interest.ToString(), ["idNumber"] = person.IdNumber },
            "/Employment/Interests");
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.Equal("/Employment/Interests", linked.Headers.Location!.OriginalString);
        Assert.DoesNotContain(person.IdNumber, linked.Headers.Location.OriginalString);
        var after = WebUtility.HtmlDecode(await county.GetStringAsync("/Employment/Interests"));
        Assert.Contains("已关联到", after);
        Assert.Contains("已登记推荐就业（网上报名）", after);
        Assert.DoesNotContain(person.IdNumber, after);
        Assert.Equal((person.Id, Hejiawan), ((await InterestsAsync()).Single().PersonId!.Value, (await InterestsAsync()).Single().RegionCode));
        Assert.Single(await Services.EntriesAsync(VacancyInterestService.LinkEvent));

        // The village follows the referral up like any other: outcome and placement.
        var village = await SignInAsync("hejiawan", Hejiawan);
        Guid referral;
        await using (var scope = Services.InScope())
            referral = await scope.Get<AppDbContext>().Set<Referral>().Where(r => r.PersonId == person.Id).Select(r => r.Id).SingleAsync();
        Assert.Contains($"/Employment/Referrals/Outcome?id={referral}", await village.GetStringAsync($"/Employment/Referrals?village={Hejiawan}"));
        Assert.Equal(HttpStatusCode.OK, (await village.GetAsync($"/Employment/Referrals/Outcome?id={referral}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Employment/Referrals/Outcome?id={referral}")).StatusCode);
    }

    [Fact]
    public async Task An_employer_follows_up_its_own_vacancys_applicants_masked_and_another_employer_or_county_is_answered_404()
    {
        var (byd, vacancy) = await PublishedAsync("比亚迪汽车工业有限公司", "91440300192317458F", "汽车零部件装配工");
        var (huawei, other) = await PublishedAsync("华为技术有限公司", "914403001922038216", "电子装配工");
        var matched = await PersonAsync(Hejiawan, 2);
        var referred = await PersonAsync(Hejiawan, 3);
        await RegisterAsync(vacancy, matched.Name, "13700000121", matched.IdNumber);
        await RegisterAsync(vacancy, "王小明", "13700000122");
        await RegisterAsync(other, "赵某某", "13700000123");
        await using (var scope = Services.InScope(RegionScope.Of(Hejiawan)))
        {
            var referrals = scope.Get<ReferralService>();
            await referrals.CreateAsync(new ReferralInput(referred.Id, vacancy, "汽车零部件装配工", "比亚迪汽车工业有限公司", ReferralSource.Push, referrals.Today), "贺家湾村干部");
        }
        var interests = await InterestsAsync();
        var (strangerInterest, otherInterest) = (interests.Single(x => x.Name == "王小明").Id, interests.Single(x => x.Name == "赵某某").Id);

        var client = await EmployerAccountAsync("byd-hr", byd);
        Assert.Contains($"/Employment/Vacancies/Applicants/{vacancy}", await client.GetStringAsync($"/Employment/Vacancies/Edit/{vacancy}"));
        var page = await client.GetAsync($"/Employment/Vacancies/Applicants/{vacancy}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        foreach (var shown in new[] { Masking.Name(matched.Name), "王*", "137****0121", "137****0122", Masking.Name(referred.Name), "岗位推送", "网上报名" })
            Assert.Contains(shown, html);
        foreach (var hidden in new[] { matched.Name, "王小明", referred.Name, "13700000121", "13700000122", "137****0123", "已登记推荐" })
            Assert.DoesNotContain(hidden, html);

        var reveal = await PostFormAsync(client, $"/Employment/Vacancies/Applicants/{vacancy}?handler=Phone", new() { ["interest"] = strangerInterest.ToString() },
            $"/Employment/Vacancies/Applicants/{vacancy}");
        Assert.Equal(HttpStatusCode.OK, reveal.StatusCode);
        Assert.Contains("13700000122", await reveal.Content.ReadAsStringAsync());
        var audited = Assert.Single(await Services.EntriesAsync(VacancyInterestService.RevealEvent));
        Assert.Equal(strangerInterest.ToString(), audited.Target);
        Assert.Contains(await Services.EntriesAsync(AuditEvents.PersonList), e => e.Target == vacancy.ToString());

        // Another employer's vacancy, or another vacancy's interest: not found.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Employment/Vacancies/Applicants/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostFormAsync(client, $"/Employment/Vacancies/Applicants/{vacancy}?handler=Phone",
            new() { ["interest"] = otherInterest.ToString() }, $"/Employment/Vacancies/Applicants/{vacancy}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostFormAsync(client, $"/Employment/Vacancies/Applicants/{other}?handler=Phone",
            new() { ["interest"] = otherInterest.ToString() }, $"/Employment/Vacancies/Applicants/{vacancy}")).StatusCode);
        var rival = await EmployerAccountAsync("huawei-hr", huawei);
        Assert.Equal(HttpStatusCode.NotFound, (await rival.GetAsync($"/Employment/Vacancies/Applicants/{vacancy}")).StatusCode);
        Assert.Single(await Services.EntriesAsync(VacancyInterestService.RevealEvent));

        // Officers: the managing county sees its people with the referral an interest became; another county does not manage it.
        var county = await SignInAsync("ningxiang", Ningxiang);
        var countyHtml = WebUtility.HtmlDecode(await county.GetStringAsync($"/Employment/Vacancies/Applicants/{vacancy}"));
        Assert.Contains(matched.Name, countyHtml);
        Assert.Contains("已登记推荐，结果：待反馈", countyHtml);
        var outsider = await SignInAsync("huayuan", Huayuan);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Employment/Vacancies/Applicants/{vacancy}")).StatusCode);
    }
}

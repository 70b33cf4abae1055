using Bangfu.Employment.Employers;
using Bangfu.Employment.MonthlyRound;
using Bangfu.Employment.Referrals;
using Bangfu.Employment.Vacancies;
using Bangfu.Platform.Data;
using Bangfu.Platform.Jobs;
using Bangfu.Platform.Scope;
using Bangfu.Platform.Time;
using Bangfu.Registry.RosterImport;
using Bangfu.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Bangfu.Browser.Tests;

public sealed class ReferralPhoneTests : BrowserTest
{
    [SkippableFact]
    public async Task A_village_cadre_on_a_phone_finds_an_open_vacancy_by_typing_and_refers_a_person_to_it()
    {
        SkipWithoutChromium();
        Guid vacancy;
        string person;
        await using (var services = Database.BuildServices())
        {
            await using (var scope = services.InScope())
                await scope.Get<RosterImportService>().ImportAsync(
                    new RosterImportRequest(Fixtures.SeedVillages, "seed-villages-2021.xlsx", Period.Parse("2021-12"), false, UserName: "测试"),
                    null as IProgress<JobProgress>, CancellationToken.None);
            await using (var scope = services.InScope())
                person = (await scope.Get<MonthlyRoundService>().ListAsync("430182106209", Period.Parse("2021-12"), VillageList.LabourForce))[0].Person.Id.ToString();
            await using (var scope = services.InScope(RegionScope.Of("430182")))
            {
                var employer = (await scope.Get<EmployerService>().SaveAsync(null,
                    new EmployerInput("宁乡市顺达物流有限公司", "91440300192317458F", null, "430182", null, null, null, null)))!.Employer!;
                var vacancies = scope.Get<VacancyService>();
                vacancy = (await vacancies.CreateAsync(employer.Id, new VacancyInput
                {
                    Title = "叉车司机", OccupationCode = "4-02-05", Headcount = 5, WageMin = 4000, WageMax = 5000, WorkplaceRegionCode = "430182",
                    ExpiresOn = vacancies.Today.AddDays(20),
                }, VacancySource.Officer))!.Vacancy!.Id;
                await vacancies.ReviewAsync(vacancy, true, null);
            }
        }
        await CreateOfficerAsync("hejiawan", "430182106209");
        var page = await SignInAsync("hejiawan", 390, 844);
        var scriptErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") scriptErrors.Add(m.Text); };

        await page.GotoAsync(BaseUrl + "/Employment/Referrals?village=430182106209");
        await page.SelectOptionAsync("#person", person);
        await page.FillAsync("#vacancy-search", "叉车");
        var choice = page.Locator($"[data-vacancy-choice='{vacancy}']");
        await choice.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "referral-vacancy-picker-phone.png"), FullPage = true });
        await choice.ClickAsync();
        Assert.Equal("叉车司机", await page.InputValueAsync("#job"));
        Assert.Equal("宁乡市顺达物流有限公司", await page.InputValueAsync("#employer"));
        await Assertions.Expect(page.Locator("[data-vacancy-chosen]")).ToContainTextAsync("叉车司机 · 宁乡市顺达物流有限公司");
        await page.SelectOptionAsync("#source", "Push");
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"page is {scrollWidth}px wide");
        await page.ClickAsync("button:has-text('登记推荐')");
        await page.WaitForSelectorAsync("text=已登记推荐。");

        await using (var services = Database.BuildServices())
        await using (var scope = services.InScope())
        {
            var referral = await scope.Get<AppDbContext>().Set<Referral>().AsNoTracking().SingleAsync();
            Assert.Equal((vacancy, "叉车司机"), (referral.VacancyId!.Value, referral.JobTitle));
        }
        Assert.Empty(scriptErrors);
    }
}

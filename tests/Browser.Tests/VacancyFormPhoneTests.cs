using Bangfu.Employment.Employers;
using Bangfu.Employment.Vacancies;
using Bangfu.Platform.Data;
using Bangfu.Platform.Scope;
using Bangfu.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Bangfu.Browser.Tests;

public sealed class VacancyFormPhoneTests : BrowserTest
{
    [SkippableFact]
    public async Task A_county_officer_posts_a_vacancy_on_a_phone_picking_the_workplace_from_the_region_tree()
    {
        SkipWithoutChromium();
        Guid employerId;
        await using (var services = Database.BuildServices())
        {
            await using var scope = services.InScope(RegionScope.Of("430182"));
            employerId = (await scope.Get<EmployerService>().SaveAsync(null,
                new EmployerInput("宁乡市顺达物流有限公司", "91440300192317458F", null, "430182", null, null, null, null)))!.Employer!.Id;
        }
        await CreateOfficerAsync("ningxiang", "430182");
        var page = await SignInAsync("ningxiang", 390, 844);

        await page.GotoAsync($"{BaseUrl}/Employment/Vacancies/Edit?employerId={employerId}");
        await page.FillAsync("#title", "叉车司机");
        await page.FillAsync("#occupation", "4-02-05");
        await page.FillAsync("#headcount", "3");
        await page.FillAsync("#wagemin", "4000");
        await page.FillAsync("#wagemax", "5000");
        // The workplace on the region tree, level by level (the cities and counties come from the server).
        await page.SelectOptionAsync("#workplace select[data-level='1']", "43");
        await page.WaitForSelectorAsync("#workplace select[data-level='2'] option[value='4301']", new() { State = WaitForSelectorState.Attached });
        await page.SelectOptionAsync("#workplace select[data-level='2']", "4301");
        await page.WaitForSelectorAsync("#workplace select[data-level='3'] option[value='430182']", new() { State = WaitForSelectorState.Attached });
        await page.SelectOptionAsync("#workplace select[data-level='3']", "430182");
        Assert.Equal("430182", await page.InputValueAsync("#workplace input[name='Input.WorkplaceRegionCode']"));
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"page is {scrollWidth}px wide");
        await page.ClickAsync("button:has-text('提交审核')");
        await page.WaitForSelectorAsync("text=已保存，等待县级就业部门审核后发布");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "vacancy-form-phone.png"), FullPage = true });

        await using (var services = Database.BuildServices())
        {
            await using var scope = services.InScope();
            var vacancy = await scope.Get<AppDbContext>().Set<Vacancy>().AsNoTracking().SingleAsync();
            Assert.Equal(("叉车司机", "430182"), (vacancy.Title, vacancy.WorkplaceRegionCode));
        }
    }
}

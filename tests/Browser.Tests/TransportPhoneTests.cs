using Bangfu.Platform.Jobs;
using Bangfu.Platform.Time;
using Bangfu.Registry.Contracts;
using Bangfu.Registry.RosterImport;
using Bangfu.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Bangfu.Browser.Tests;

public sealed class TransportPhoneTests : BrowserTest
{
    [SkippableFact]
    public async Task A_county_officer_organises_a_batch_on_a_phone_from_creation_to_arrival()
    {
        SkipWithoutChromium();
        PersonSummary person;
        await using (var services = Database.BuildServices())
        {
            await using var scope = services.InScope();
            await scope.Get<RosterImportService>().ImportAsync(
                new RosterImportRequest(Fixtures.SeedVillages, "seed-villages-2021.xlsx", Period.Parse("2021-12"), false, UserName: "测试"),
                null as IProgress<JobProgress>, CancellationToken.None);
            person = (await scope.Get<IPersonDirectory>().InVillageAsync("430182106209"))[0];
        }
        await CreateOfficerAsync("ningxiang", "430182");
        var page = await SignInAsync("ningxiang", 390, 844);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();

        await page.GotoAsync(BaseUrl + "/Employment/Transport/Edit");
        await page.FillAsync("#Input_Organiser", "宁乡市人力资源和社会保障局");
        await page.FillAsync("#Input_TravelDate", "2022-02-10");
        // The destination on the region tree, outside the officer's county: 广东省 → 深圳市 (the cities come from the server).
        await page.SelectOptionAsync("#destination select[data-level='1']", "44");
        await page.WaitForSelectorAsync("#destination select[data-level='2'] option[value='4403']", new() { State = WaitForSelectorState.Attached });
        await page.SelectOptionAsync("#destination select[data-level='2']", "4403");
        Assert.Equal("4403", await page.InputValueAsync("#destination input[name='Input.DestinationRegionCode']"));
        await page.FillAsync("#Input_EmployerName", "比亚迪股份有限公司");
        await page.FillAsync("#Input_Seats", "45");
        await page.FillAsync("#Input_Cost", "9000");
        await page.ClickAsync("button:has-text('保存')");
        await page.WaitForURLAsync(url => url.Contains("/Employment/Transport/Batch", StringComparison.Ordinal));
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390);

        await page.FillAsync("#query", person.PersonNumber);
        await page.ClickAsync("text=查找并添加");
        await page.WaitForSelectorAsync("text=已添加到本批次");
        Assert.Contains(person.IdNumberMasked, await page.ContentAsync());
        await page.ClickAsync("text=标记出发");
        await page.WaitForSelectorAsync("text=已标记出发");
        await page.ClickAsync("text=全部已上车人员确认到达");
        await page.WaitForSelectorAsync("text=已确认到达 1 人");

        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"page is {scrollWidth}px wide");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "transport-batch-phone.png"), FullPage = true });
    }
}

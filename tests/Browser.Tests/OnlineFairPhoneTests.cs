using Bangfu.Employment.Fairs;
using Bangfu.Platform.Data;
using Bangfu.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Bangfu.Browser.Tests;

/// <summary>The online fair on a phone (390×844), without an account: search, open a vacancy, register interest.</summary>
public sealed class OnlineFairPhoneTests : BrowserTest
{
    private static async Task AssertNoHorizontalOverflowAsync(IPage page, string where)
    {
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"{where}: page is {scrollWidth}px wide");
    }

    [SkippableFact]
    public async Task A_person_on_a_phone_finds_a_guard_post_and_registers_interest_without_an_account()
    {
        SkipWithoutChromium();
        await using (var services = Database.BuildServices())
        await using (var scope = services.InScope())
            await scope.Get<DemoDataLoader>().LoadAsync();

        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, Locale = "zh-CN", IsMobile = true, HasTouch = true,
        });
        var page = await context.NewPageAsync();
        var scriptErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") scriptErrors.Add(m.Text); };

        await page.GotoAsync(BaseUrl + "/Fair");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("永不落幕网络招聘会");
        await AssertNoHorizontalOverflowAsync(page, "/Fair");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "fair-phone.png"), FullPage = true });

        // Choosing an occupation searches at once (wwwroot/js/fair.js): 保安员 finds the guard posts.
        await page.SelectOptionAsync("#occupation", "4-07-05-01");
        await page.WaitForURLAsync(url => url.Contains("occupation=4-07-05-01", StringComparison.Ordinal));
        var items = page.Locator(".fair-item");
        Assert.True(await items.CountAsync() >= 2);
        foreach (var text in await items.AllInnerTextsAsync()) Assert.Contains("保安", text);
        await AssertNoHorizontalOverflowAsync(page, "search");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "fair-phone-search.png"), FullPage = true });

        await items.First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Fair/Vacancy/", StringComparison.Ordinal));
        await AssertNoHorizontalOverflowAsync(page, "vacancy");
        await page.FillAsync("#Name", "张三");
        await page.FillAsync("#Phone", "12345");
        await page.ClickAsync("#interest-form button[type=submit]");
        await Assertions.Expect(page.Locator("form#interest-form")).ToContainTextAsync("手机号码应为 11 位数字");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "fair-phone-error.png"), FullPage = true });

        await page.FillAsync("#Phone", "13900001111");
        await page.ClickAsync("#interest-form button[type=submit]");
        await Assertions.Expect(page.Locator("#interest-confirmation")).ToContainTextAsync("已收到您的求职意向登记");
        await AssertNoHorizontalOverflowAsync(page, "confirmation");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "fair-phone-registered.png"), FullPage = true });
        Assert.Empty(scriptErrors);

        await using var check = Database.BuildServices();
        await using var s = check.InScope();
        var interest = await s.Get<AppDbContext>().Set<VacancyInterest>().SingleAsync();
        Assert.Equal("张三", interest.Name);
        Assert.Equal("139****1111", interest.PhoneMasked);
    }
}

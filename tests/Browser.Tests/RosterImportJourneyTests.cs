using Bangfu.Testing;
using Microsoft.Playwright;

namespace Bangfu.Browser.Tests;

/// <summary>A county officer's month, in a real browser: upload the roster, read the verdict, commit, open the
/// dispatch, follow a figure to the people behind it.</summary>
public sealed class RosterImportJourneyTests : BrowserTest
{
    [SkippableFact]
    public async Task A_county_officer_uploads_a_roster_commits_it_and_follows_a_figure_of_the_dispatch_to_the_people()
    {
        SkipWithoutChromium();
        await CreateOfficerAsync("ningxiang", "430182");
        var page = await SignInAsync("ningxiang");

        // The menu: open the group, follow the entry.
        await page.ClickAsync("#mainNav >> text=户籍人员");
        await page.ClickAsync("#mainNav .dropdown-menu.show >> text=花名册导入");
        await page.WaitForURLAsync(url => url.EndsWith("/Registry/Imports", StringComparison.Ordinal));
        await page.SetInputFilesAsync("#Upload", Fixtures.SeedVillages);
        await page.FillAsync("#Period", "2021-12");
        await page.ClickAsync("form[enctype] button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("/Registry/Imports/Detail"), new() { Timeout = 120_000 });
        var verdict = await page.InnerTextAsync("main");
        Assert.Contains("已检查，待确认", verdict);
        // A county officer's import takes their county's 246 people; the other four villages are outside the scope.
        Assert.Contains("OUT_OF_SCOPE", verdict);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "verdict.png"), FullPage = true });

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.ClickAsync("text=确认入库");
        await page.WaitForSelectorAsync("text=已入库", new() { Timeout = 120_000 });

        await page.GotoAsync(BaseUrl + "/Reporting/Monthly?region=430182&period=2021-12");
        var table = page.Locator("#dispatch");
        Assert.Contains("246", await table.InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "dispatch.png"), FullPage = true });

        await page.ClickAsync("#dispatch tbody tr:first-child td:nth-child(5) a"); // employed, total row
        await page.WaitForURLAsync(url => url.Contains("/Reporting/Monthly/People"));
        Assert.Contains("务工就业（90 人）", await page.InnerTextAsync("h1"));
        Assert.Equal(90, await page.Locator("tbody tr").CountAsync());
        Assert.DoesNotContain("430182195208270011", await page.ContentAsync());
    }

    [SkippableFact]
    public async Task The_import_page_fits_a_phone_screen()
    {
        SkipWithoutChromium();
        await CreateOfficerAsync("cun", "430182106209");
        var page = await SignInAsync("cun", 390, 844);
        // On a phone the menu folds behind its button.
        await page.ClickAsync("button.navbar-toggler");
        await page.ClickAsync("#mainNav >> text=就业帮扶");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "menu-phone.png"), FullPage = true });
        await page.ClickAsync("#mainNav .dropdown-menu.show >> text=月度走访");
        await page.WaitForURLAsync(url => url.Contains("/Employment/Round", StringComparison.Ordinal));
        await page.GotoAsync(BaseUrl + "/Registry/Imports");
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"page is {scrollWidth}px wide");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "imports-phone.png"), FullPage = true });
    }
}

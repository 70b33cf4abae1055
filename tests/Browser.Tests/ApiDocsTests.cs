using Microsoft.Playwright;

namespace Bangfu.Browser.Tests;

public sealed class ApiDocsTests : BrowserTest
{
    [SkippableFact]
    public async Task The_api_browser_renders_the_document_under_its_content_security_policy()
    {
        SkipWithoutChromium();
        await CreateOfficerAsync("ningxiang", "430182");
        var page = await SignInAsync("ningxiang");
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) violations.Add(message.Text);
        };
        var failed = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && (response.Url.Contains("/api/docs/", StringComparison.Ordinal) || response.Url.Contains("/openapi/", StringComparison.Ordinal)))
                failed.Add($"{response.Status} {response.Url}");
        };

        await page.GotoAsync(BaseUrl + "/api/docs/index.html");
        await page.WaitForSelectorAsync(".swagger-ui .info .title", new PageWaitForSelectorOptions { Timeout = 30_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, "api-docs.png"), FullPage = false });

        Assert.Contains("帮扶", await page.InnerTextAsync(".swagger-ui .info .title"));
        Assert.Contains("/api/v1/registry/people", await page.InnerTextAsync(".swagger-ui"));
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.True(failed.Count == 0, string.Join("\n", failed));
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Bangfu.Identity.Users;
using Bangfu.Testing;
using Microsoft.Playwright;

namespace Bangfu.Browser.Tests;

/// <summary>
/// The real web host in its own process on a loopback port, over a fresh test database, driven by Debian's Chromium
/// through Playwright. Without Chromium the tests are skipped, unless BANGFU_REQUIRE_BROWSER=1 (CI) makes that a failure.
/// </summary>
public abstract class BrowserTest : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string Password = "Liulan-Ceshi-2026";

    protected TestDatabase Database { get; private set; } = null!;
    protected string BaseUrl { get; private set; } = "";
    protected IBrowser Browser { get; private set; } = null!;
    private IPlaywright? playwright;
    private Process? server;

    /// <summary>Where screenshots go (kept after the run, for people to look at).</summary>
    protected static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            if (Environment.GetEnvironmentVariable("BANGFU_REQUIRE_BROWSER") == "1")
                throw new InvalidOperationException("缺少 Chromium：apt-get install -y chromium fonts-noto-cjk");
            return;
        }
        Database = await TestDatabase.CreateAsync();
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Bangfu.Web.dll"));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(BaseUrl);
        // The web project's folder is the content root, so wwwroot is served as in `dotnet run`.
        var webProject = Path.GetDirectoryName(Bangfu.Platform.Data.DatabaseSettings.ResolveDataDirectory(null))!;
        info.ArgumentList.Add("--contentRoot");
        info.ArgumentList.Add(Path.Combine(webProject, "src", "Web"));
        info.WorkingDirectory = AppContext.BaseDirectory;
        foreach (var (key, value) in Database.Settings) info.Environment[key.Replace(":", "__")] = value;
        server = Process.Start(info)!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        await WaitForServerAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        if (server is { HasExited: false })
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
        if (Database is not null) await Database.DisposeAsync();
    }

    protected static void SkipWithoutChromium() =>
        Skip.If(!File.Exists(ChromiumPath) && Environment.GetEnvironmentVariable("BANGFU_REQUIRE_BROWSER") != "1",
            "没有安装 Chromium（apt-get install -y chromium fonts-noto-cjk）");

    private readonly Dictionary<string, TestAccount> accounts = [];
    private readonly Dictionary<string, int> signIns = [];

    /// <summary>
    /// An officer with a known password, created directly in the database the server uses; an officer whose level needs
    /// a second factor (county and above) has an authenticator enrolled.
    /// </summary>
    protected async Task CreateOfficerAsync(string userName, string regionCode)
    {
        await using var services = Database.BuildServices();
        accounts[userName] = await TestAccounts.CreateAsync(services, userName, regionCode, Password, [Roles.OfficerRoleFor(regionCode)]);
    }

    protected async Task<IPage> SignInAsync(string userName, int width = 1366, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/Account/Login");
        await page.FillAsync("#Input_UserName", userName);
        await page.FillAsync("#Input_Password", Password);
        await page.ClickAsync("button[type=submit]");
        if (accounts.TryGetValue(userName, out var account) && account.AuthenticatorKey is { } key)
        {
            await page.WaitForURLAsync(url => url.Contains("/Account/TwoFactor", StringComparison.Ordinal));
            var used = signIns.GetValueOrDefault(userName);
            signIns[userName] = used + 1;
            await page.FillAsync("#Code", TestAccounts.Code(key, TestAccounts.Steps[used % TestAccounts.Steps.Length]));
            await page.ClickAsync("button[type=submit]");
        }
        await page.WaitForURLAsync(BaseUrl + "/");
        return page;
    }

    private async Task WaitForServerAsync()
    {
        using var http = new HttpClient();
        for (var i = 0; i < 300; i++)
        {
            if (server!.HasExited) throw new InvalidOperationException("网站进程退出了");
            try
            {
                var response = await http.GetAsync(BaseUrl + "/Account/Login");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("网站没有启动");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

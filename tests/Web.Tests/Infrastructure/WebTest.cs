using System.Net;
using System.Text.RegularExpressions;
using Bangfu.Identity.Users;
using Bangfu.Platform.Users;
using Bangfu.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Web.Tests.Infrastructure;

/// <summary>
/// Base for functional tests: the real web host (WebApplicationFactory) over a fresh test database, on a clock the test
/// moves (<see cref="Clock"/>), and signed-in clients for officers of any scope. Requests go through the real pipeline:
/// authentication with server-side sessions, second factor, antiforgery, rate limits, scope.
/// </summary>
public abstract partial class WebTest : IAsyncLifetime
{
    public const string Password = "Ceshi-Mima-2026";

    static WebTest()
    {
        // Each test starts a host, and each host's file providers (configuration, static file versions) would take an
        // inotify instance; the suite's hosts outrun the usual per-user limit of 128 before they are collected. Polling
        // watchers take none.
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "1");
    }

    protected TestDatabase Database { get; private set; } = null!;
    protected WebApplicationFactory<Program> Factory { get; private set; } = null!;
    protected IServiceProvider Services => Factory.Services;

    /// <summary>The host's clock: sessions, lockouts, password age and audit times follow it.</summary>
    protected ManualTimeProvider Clock { get; } = new();

    /// <summary>The accounts made by <see cref="SignInAsync"/>, by user name (password and authenticator key).</summary>
    protected Dictionary<string, TestAccount> Accounts { get; } = [];

    private readonly Dictionary<string, int> signIns = [];

    /// <summary>Configuration a test class sets for its host, e.g. <c>Security:LockoutMinutes</c>.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    public virtual async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in Database.Settings) b.UseSetting(key, value);
            // Tests sign in far more often than people do, all from one address; RateLimitTests sets its own limit.
            b.UseSetting("Security:SignInPerMinute", "10000");
            foreach (var (key, value) in Settings) b.UseSetting(key, value);
            b.UseSetting("Bangfu:LogDirectory", Path.Combine(Database.DataDirectory, "logs"));
            b.UseEnvironment("Production");
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
        });
        _ = Factory.Server; // start the host (initialises the database)
    }

    public virtual async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>
    /// Creates an officer (scope = region code; empty for nationwide; null with no roles: a system administrator) and
    /// returns a client signed in as them. Accounts whose role needs a second factor are enrolled and sign in with a code.
    /// </summary>
    protected async Task<HttpClient> SignInAsync(string userName, string? regionCode, params string[] roles)
    {
        await CreateAccountAsync(userName, regionCode, roles);
        return await SignInAgainAsync(userName);
    }

    /// <summary>Creates an account with <see cref="Password"/> (enrolled in the second factor where its role needs it).</summary>
    protected async Task<TestAccount> CreateAccountAsync(string userName, string? regionCode, string[]? roles = null, bool enrol = true)
    {
        var account = await TestAccounts.CreateAsync(Services, userName, regionCode, Password,
            roles is { Length: > 0 } ? roles : TestAccounts.DefaultRoles(regionCode), enrol);
        Accounts[userName] = account;
        return account;
    }

    /// <summary>A new client signed in as an account made before: password, then (when enrolled) a fresh authenticator code.</summary>
    protected async Task<HttpClient> SignInAgainAsync(string userName)
    {
        var client = Client();
        var response = await PostFormAsync(client, "/Account/Login", new() { ["Input.UserName"] = userName, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (response.Headers.Location!.OriginalString.StartsWith("/Account/TwoFactor", StringComparison.Ordinal))
        {
            response = await PostFormAsync(client, "/Account/TwoFactor", new() { ["Code"] = NextCode(userName) });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.DoesNotContain("/Account/", response.Headers.Location!.OriginalString);
        }
        return client;
    }

    /// <summary>
    /// An authenticator code the account has not used yet: each sign-in takes another 30-second step
    /// (<see cref="TestAccounts.Steps"/>; a step once used is refused), so four sign-ins fit in one step.
    /// </summary>
    protected string NextCode(string userName)
    {
        var used = signIns.GetValueOrDefault(userName);
        signIns[userName] = used + 1;
        return TestAccounts.Code(Accounts[userName].AuthenticatorKey!, TestAccounts.Steps[used % TestAccounts.Steps.Length]);
    }

    /// <summary>The error lines of the server's log so far (to explain an unexpected 500).</summary>
    protected string ServerErrors()
    {
        var dir = Path.Combine(Database.DataDirectory, "logs");
        if (!Directory.Exists(dir)) return "";
        return string.Join("\n", Directory.GetFiles(dir).SelectMany(f =>
        {
            using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Split('\n');
        }).SkipWhile(l => !l.Contains("[ERR]")).Take(40));
    }

    protected HttpClient Client() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Fetches the form page for its antiforgery token, then posts the fields to <paramref name="url"/>.</summary>
    protected static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? url);
        var token = Token().Match(page);
        Assert.True(token.Success, "no antiforgery token on " + (formPage ?? url));
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>Posts a multipart form with one file.</summary>
    protected static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string url, string field, string path,
        Dictionary<string, string>? fields = null, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? url);
        var content = new MultipartFormDataContent();
        content.Add(new StringContent(WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value)), "__RequestVerificationToken");
        foreach (var (k, v) in fields ?? []) content.Add(new StringContent(v), k);
        content.Add(new StreamContent(File.OpenRead(path)), field, Path.GetFileName(path));
        return await client.PostAsync(url, content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static Regex Token() => TokenPattern();
}

using System.Net;
using System.Text.RegularExpressions;
using Bangfu.Identity.Users;
using Bangfu.Platform.Users;
using Bangfu.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Web.Tests.Infrastructure;

/// <summary>
/// Base for functional tests: the real web host (WebApplicationFactory) over a fresh test database, and signed-in
/// clients for officers of any scope. Requests go through the real pipeline: authentication, antiforgery, scope.
/// </summary>
public abstract partial class WebTest : IAsyncLifetime
{
    public const string Password = "Ceshi-Mima-2026";

    protected TestDatabase Database { get; private set; } = null!;
    protected WebApplicationFactory<Program> Factory { get; private set; } = null!;
    protected IServiceProvider Services => Factory.Services;

    public virtual async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in Database.Settings) b.UseSetting(key, value);
            b.UseSetting("Bangfu:LogDirectory", Path.Combine(Database.DataDirectory, "logs"));
            b.UseEnvironment("Production");
        });
        _ = Factory.Server; // start the host (initialises the database)
    }

    public virtual async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>Creates an officer (scope = region code; empty for nationwide) and returns a client signed in as them.</summary>
    protected async Task<HttpClient> SignInAsync(string userName, string? regionCode, params string[] roles)
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserService>();
            var roleNames = roles.Length > 0 ? roles : regionCode is not null ? [Roles.OfficerRoleFor(regionCode)] : [Roles.SystemAdministrator];
            var created = await users.CreateAsync(userName, userName, regionCode, roleNames);
            var manager = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = created.User;
            await manager.RemovePasswordAsync(user);
            await manager.AddPasswordAsync(user, Password);
            user.MustChangePassword = false;
            await manager.UpdateAsync(user);
        }
        var client = Client();
        var response = await PostFormAsync(client, "/Account/Login", new() { ["Input.UserName"] = userName, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
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

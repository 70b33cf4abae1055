using System.Net;
using System.Text.RegularExpressions;
using Bangfu.Platform.Data;
using Bangfu.Platform.Users;
using Bangfu.Testing;
using Bangfu.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Web.Tests.Account;

public sealed partial class TwoFactorTests : WebTest
{
    private const string County = "430182";

    [Fact]
    public async Task A_county_officer_must_enrol_an_authenticator_before_anything_else_and_then_signs_in_with_password_and_code()
    {
        await CreateAccountAsync("xianguan", County, enrol: false);
        var client = Client();
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAttemptAsync(client, "xianguan", Password)).StatusCode);

        foreach (var path in new[] { "/", "/Registry/People", "/Registry/Imports", "/Account/Sessions", "/Identity/Users" })
        {
            var blocked = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
            Assert.Equal("/Account/Authenticator", blocked.Headers.Location!.OriginalString);
        }
        var intro = await client.GetStringAsync("/Account/Authenticator");
        Assert.Contains("开始绑定", intro);
        Assert.DoesNotContain("data:image/png", intro); // nothing is made on GET

        await PostFormAsync(client, "/Account/Authenticator?handler=Start", [], formPage: "/Account/Authenticator");
        var enrol = await client.GetStringAsync("/Account/Authenticator");
        Assert.Contains("src=\"data:image/png;base64,", enrol);
        var key = SharedKey().Match(enrol).Groups[1].Value.Replace(" ", "").ToUpperInvariant();
        Assert.Equal(key, (await KeyOfAsync("xianguan")));

        var wrong = await PostFormAsync(client, "/Account/Authenticator", new() { ["Code"] = WrongCode(key) });
        Assert.Contains("验证码不正确", await wrong.Content.ReadAsStringAsync());

        var done = await PostFormAsync(client, "/Account/Authenticator", new() { ["Code"] = TestAccounts.Code(key) });
        var shown = await done.Content.ReadAsStringAsync();
        Assert.Contains("只显示这一次", shown);
        Assert.Equal(10, RecoveryCode().Matches(shown).Count);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Registry/People")).StatusCode);

        // Next time: password, then the code.
        var next = Client();
        var password = await SignInAttemptAsync(next, "xianguan", Password);
        Assert.StartsWith("/Account/TwoFactor", password.Headers.Location!.OriginalString);
        AssertSentToSignIn(await next.GetAsync("/"));
        var code = await PostFormAsync(next, "/Account/TwoFactor", new() { ["Code"] = TestAccounts.Code(key, 1) });
        Assert.Equal("/", code.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/Registry/People")).StatusCode);
    }

    [Fact]
    public async Task A_village_officer_is_not_asked_for_a_second_factor()
    {
        await CreateAccountAsync("cunguan", "430182106209", enrol: false);
        var response = await SignInAttemptAsync(Client(), "cunguan", Password);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_wrong_code_is_refused_and_signs_nobody_in()
    {
        var account = await CreateAccountAsync("xianguan", County);
        var client = Client();
        await SignInAttemptAsync(client, "xianguan", Password);
        var response = await PostFormAsync(client, "/Account/TwoFactor", new() { ["Code"] = WrongCode(account.AuthenticatorKey!) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("验证码不正确", await response.Content.ReadAsStringAsync());
        AssertSentToSignIn(await client.GetAsync("/"));
    }

    [Fact]
    public async Task A_code_that_was_just_used_cannot_be_used_again()
    {
        var account = await CreateAccountAsync("xianguan", County);
        var code = TestAccounts.Code(account.AuthenticatorKey!);
        var first = Client();
        await SignInAttemptAsync(first, "xianguan", Password);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(first, "/Account/TwoFactor", new() { ["Code"] = code })).StatusCode);

        var second = Client();
        await SignInAttemptAsync(second, "xianguan", Password);
        var replay = await PostFormAsync(second, "/Account/TwoFactor", new() { ["Code"] = code });
        Assert.Contains("验证码不正确", await replay.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_used_code_stays_refused_after_a_later_code_was_used()
    {
        var account = await CreateAccountAsync("xianguan", County);
        var (a, b) = (TestAccounts.Code(account.AuthenticatorKey!), TestAccounts.Code(account.AuthenticatorKey!, 1));
        foreach (var (code, accepted) in new[] { (a, true), (b, true), (a, false) })
        {
            var client = Client();
            await SignInAttemptAsync(client, "xianguan", Password);
            var response = await PostFormAsync(client, "/Account/TwoFactor", new() { ["Code"] = code });
            if (accepted) Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            else Assert.Contains("验证码不正确", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Wrong_codes_count_towards_the_lockout()
    {
        var account = await CreateAccountAsync("xianguan", County);
        var client = Client();
        await SignInAttemptAsync(client, "xianguan", Password);
        for (var i = 0; i < 5; i++)
            await PostFormAsync(client, "/Account/TwoFactor", new() { ["Code"] = WrongCode(account.AuthenticatorKey!) });
        var right = await PostFormAsync(client, "/Account/TwoFactor", new() { ["Code"] = TestAccounts.Code(account.AuthenticatorKey!) });
        Assert.Contains("账号已锁定", await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_is_stored_only_as_a_hash()
    {
        await CreateAccountAsync("xianguan", County);
        List<string> codes;
        await using (var scope = Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByNameAsync("xianguan"))!, 10))!.ToList();
            var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().UserTokens.AsNoTracking()
                .Select(t => t.Value).ToListAsync();
            Assert.DoesNotContain(stored, v => v != null && codes.Any(c => v.Contains(c)));
        }
        var client = Client();
        await SignInAttemptAsync(client, "xianguan", Password);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, "/Account/TwoFactor", new() { ["Code"] = codes[0] })).StatusCode);

        var again = Client();
        await SignInAttemptAsync(again, "xianguan", Password);
        Assert.Contains("恢复码不正确", await (await PostFormAsync(again, "/Account/TwoFactor", new() { ["Code"] = codes[0] })).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_authenticator_secret_is_not_stored_in_clear()
    {
        var account = await CreateAccountAsync("xianguan", County);
        await using var scope = Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().UserTokens.AsNoTracking().Select(t => t.Value).ToListAsync();
        Assert.DoesNotContain(stored, v => v != null && v.Contains(account.AuthenticatorKey!));
    }

    private async Task<string?> KeyOfAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.GetAuthenticatorKeyAsync((await users.FindByNameAsync(userName))!);
    }

    // A code no step of Identity's window (two steps either way) would produce.
    private static string WrongCode(string key)
    {
        var valid = Enumerable.Range(-3, 7).Select(s => TestAccounts.Code(key, s)).ToHashSet();
        return Enumerable.Range(0, 20).Select(i => ((123456 + i * 111111) % 1000000).ToString("D6")).First(c => !valid.Contains(c));
    }

    [GeneratedRegex("<code class=\"shared-key\">([a-z0-9 ]+)</code>")]
    private static partial Regex SharedKey();

    [GeneratedRegex("<li><code>[A-Z0-9]{5}-[A-Z0-9]{5}</code></li>")]
    private static partial Regex RecoveryCode();
}

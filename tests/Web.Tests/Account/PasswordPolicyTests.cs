using System.Net;
using Bangfu.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Web.Tests.Account;

public sealed class PasswordPolicyTests : WebTest
{
    private const string Village = "430182106209";

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current, string next) =>
        PostFormAsync(client, "/Account/ChangePassword", new()
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = next,
        });

    [Theory]
    [InlineData("alllowercase1", "至少三类")]
    [InlineData("Short1!", "至少 8 位")]
    [InlineData("Password123!", "常见密码")]
    [InlineData("1qaz@WSX", "常见密码")]
    [InlineData("Woaini1314!", "常见密码")]
    [InlineData("Zhangwei1990!", "常见密码")]
    [InlineData("Cunguan-2026!", "不能包含用户名")]
    public async Task A_new_password_that_breaks_the_policy_is_refused_with_the_reason_in_chinese(string password, string reason)
    {
        var client = await SignInAsync("cunguan", Village);
        var response = await ChangeAsync(client, Password, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_password_of_three_classes_that_is_not_common_is_accepted()
    {
        var client = await SignInAsync("cunguan", Village);
        var response = await ChangeAsync(client, Password, "qingshan-liushui-7");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_password_used_within_the_last_five_cannot_come_back_and_the_sixth_oldest_can()
    {
        var client = await SignInAsync("cunguan", Village);
        string[] passwords = ["Lantian-Baiyun-1", "Lantian-Baiyun-2", "Lantian-Baiyun-3", "Lantian-Baiyun-4"];
        var current = Password;
        foreach (var next in passwords)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await ChangeAsync(client, current, next)).StatusCode);
            current = next;
        }
        // The first password is the fifth most recent (with the current one): refused.
        var reused = await ChangeAsync(client, current, Password);
        Assert.Contains("最近 5 次", await reused.Content.ReadAsStringAsync());
        Assert.Contains("最近 5 次", await (await ChangeAsync(client, current, current)).Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await ChangeAsync(client, current, "Lantian-Baiyun-5")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ChangeAsync(client, "Lantian-Baiyun-5", Password)).StatusCode);
    }

    [Fact]
    public async Task A_password_older_than_ninety_days_sends_the_officer_to_change_it_before_anything_else()
    {
        await CreateAccountAsync("cunguan", Village);
        Clock.Advance(TimeSpan.FromDays(89));
        var client = await SignInAgainAsync("cunguan");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        Clock.Advance(TimeSpan.FromDays(2));
        client = await SignInAgainAsync("cunguan");
        foreach (var path in new[] { "/", "/Registry/People", "/Employment/Round" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Account/ChangePassword", response.Headers.Location!.OriginalString);
        }
        Assert.Contains("密码已到期", await client.GetStringAsync("/Account/ChangePassword"));

        Assert.Equal(HttpStatusCode.Redirect, (await ChangeAsync(client, Password, "Xinde-Mima-2027")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_generated_password_must_be_changed_at_first_sign_in()
    {
        await CreateAccountAsync("cunguan", Village);
        await using (var scope = Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Bangfu.Platform.Users.AppUser>>();
            var user = (await users.FindByNameAsync("cunguan"))!;
            user.MustChangePassword = true;
            await users.UpdateAsync(user);
        }
        var client = await SignInAgainAsync("cunguan");
        var home = await client.GetAsync("/");
        Assert.Equal("/Account/ChangePassword", home.Headers.Location!.OriginalString);
        Assert.Contains("一次性密码", await client.GetStringAsync("/Account/ChangePassword"));
    }
}

public sealed class PasswordExpiryOffTests : WebTest
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Security:PasswordMaxAgeDays"] = "0" };

    [Fact]
    public async Task With_the_maximum_age_set_to_zero_passwords_do_not_expire()
    {
        await CreateAccountAsync("cunguan", "430182106209");
        Clock.Advance(TimeSpan.FromDays(400));
        var client = await SignInAgainAsync("cunguan");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }
}

using System.Net;
using Bangfu.Web.Tests.Infrastructure;

namespace Bangfu.Web.Tests.Account;

public sealed class LockoutTests : WebTest
{
    private const string Village = "430182106209";

    [Fact]
    public async Task Six_wrong_passwords_lock_the_account_and_the_lock_lifts_after_thirty_minutes()
    {
        await CreateAccountAsync("cunguan", Village);
        var client = Client();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await SignInAttemptAsync(client, "cunguan", "Wrong-Mima-" + i);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        var sixth = await SignInAttemptAsync(client, "cunguan", "Wrong-Mima-6");
        Assert.Contains("账号已锁定", await sixth.Content.ReadAsStringAsync());

        // Locked: even the right password is refused, until the time has passed.
        var right = await SignInAttemptAsync(client, "cunguan", Password);
        Assert.Contains("账号已锁定", await right.Content.ReadAsStringAsync());
        Clock.Advance(TimeSpan.FromMinutes(29));
        right = await SignInAttemptAsync(client, "cunguan", Password);
        Assert.Contains("账号已锁定", await right.Content.ReadAsStringAsync());

        Clock.Advance(TimeSpan.FromMinutes(2));
        right = await SignInAttemptAsync(client, "cunguan", Password);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Four_wrong_passwords_do_not_lock_and_a_success_starts_the_count_again()
    {
        await CreateAccountAsync("cunguan", Village);
        var client = Client();
        for (var i = 0; i < 4; i++) await SignInAttemptAsync(client, "cunguan", "Wrong-Mima-" + i);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAttemptAsync(Client(), "cunguan", Password)).StatusCode);
        for (var i = 0; i < 4; i++) await SignInAttemptAsync(client, "cunguan", "Wrong-Mima-" + i);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAttemptAsync(Client(), "cunguan", Password)).StatusCode);
    }
}

public sealed class ConfiguredLockoutTests : WebTest
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Security:LockoutFailures"] = "3",
        ["Security:LockoutMinutes"] = "10",
    };

    [Fact]
    public async Task The_number_of_failures_and_the_lock_time_come_from_the_configuration()
    {
        await CreateAccountAsync("cunguan", "430182106209");
        var client = Client();
        for (var i = 0; i < 3; i++) await SignInAttemptAsync(client, "cunguan", "Wrong-Mima-" + i);
        Assert.Contains("账号已锁定", await (await SignInAttemptAsync(client, "cunguan", Password)).Content.ReadAsStringAsync());
        Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAttemptAsync(client, "cunguan", Password)).StatusCode);
    }
}

using System.Net;
using Bangfu.Web.Tests.Infrastructure;

namespace Bangfu.Web.Tests.Account;

public sealed class RateLimitTests : WebTest
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Security:SignInPerMinute"] = "3",
        ["Security:ListsPerMinute"] = "2",
        ["Security:ExportsPerHour"] = "1",
    };

    [Fact]
    public async Task Sign_in_attempts_over_the_limit_are_answered_with_429_and_the_chinese_error_page()
    {
        var client = Client();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await SignInAttemptAsync(client, "nobody", "Wrong-Mima-1")).StatusCode);
        var over = await SignInAttemptAsync(client, "nobody", "Wrong-Mima-1");
        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.Contains("操作太频繁", await over.Content.ReadAsStringAsync());
        Assert.True(over.Headers.RetryAfter is not null || over.Headers.Contains("Retry-After"));
        // Reading the sign-in page is not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
    }

    [Fact]
    public async Task Person_lists_are_limited_per_user_not_for_everyone()
    {
        var officer = await SignInAsync("cunguan", "430182106209");
        var neighbour = await SignInAsync("linju", "430182106210");
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/Registry/People")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/Registry/People")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await officer.GetAsync("/Registry/People")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await neighbour.GetAsync("/Registry/People")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Exports_are_limited_per_user()
    {
        var officer = await SignInAsync("cunguan", "430182106209");
        var first = await officer.GetAsync("/Employment/Lists?handler=Export&village=430182106209");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, first.StatusCode);
        var second = await officer.GetAsync("/Employment/Lists?handler=Export&village=430182106209");
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
    }
}

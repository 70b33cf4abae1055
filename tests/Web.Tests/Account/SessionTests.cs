using System.Net;
using System.Text.RegularExpressions;
using Bangfu.Identity.Sessions;
using Bangfu.Web.Tests.Infrastructure;

namespace Bangfu.Web.Tests.Account;

public sealed partial class SessionTests : WebTest
{
    private const string Village = "430182106209";

    [Fact]
    public async Task Every_sign_in_gets_a_new_session_key_and_the_previous_key_of_that_browser_stops_working()
    {
        await CreateAccountAsync("cunguan", Village);
        // Two tabs of one browser: both opened the sign-in page; the second signs in after the first did.
        var client = Client();
        var form = await client.GetStringAsync("/Account/Login");
        var token = WebUtility.HtmlDecode(Regex.Match(form, "name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"").Groups[1].Value);
        Dictionary<string, string> fields = new()
        {
            ["__RequestVerificationToken"] = token, ["Input.UserName"] = "cunguan", ["Input.Password"] = Password,
        };
        var first = CookieOf(await client.PostAsync("/Account/Login", new FormUrlEncodedContent(fields)))!;
        Clock.Advance(TimeSpan.FromSeconds(1));
        var again = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var second = CookieOf(again)!;
        Clock.Advance(TimeSpan.FromSeconds(1));
        var (_, third) = await SignInWithCookieAsync("cunguan");

        Assert.Equal(3, new[] { first, second, third }.Distinct().Count());
        var sessions = await SessionsOfAsync("cunguan");
        Assert.Equal(3, sessions.Count);
        Assert.Equal(3, sessions.Select(s => Convert.ToHexString(s.KeyHash)).Distinct().Count());
        Assert.Equal(SessionEndReason.Renewed, sessions[0].EndReason);
        AssertSentToSignIn(await GetWithCookieAsync("/", first));
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync("/", second)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync("/", third)).StatusCode);
    }

    [Fact]
    public async Task The_cookie_holds_a_random_key_and_the_database_only_its_hash()
    {
        await CreateAccountAsync("cunguan", Village);
        var (_, cookie) = await SignInWithCookieAsync("cunguan");
        var session = Assert.Single(await SessionsOfAsync("cunguan"));
        Assert.Equal(32, session.KeyHash.Length);
        Assert.DoesNotContain(Convert.ToBase64String(session.KeyHash), cookie);
        Assert.Null(session.EndedAt);
    }

    [Fact]
    public async Task After_signing_out_the_old_cookie_opens_nothing()
    {
        await CreateAccountAsync("cunguan", Village);
        var (client, cookie) = await SignInWithCookieAsync("cunguan");
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync("/", cookie)).StatusCode);

        var signOut = await PostFormAsync(client, "/Account/Logout", [], formPage: "/");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        AssertSentToSignIn(await GetWithCookieAsync("/", cookie));
        AssertSentToSignIn(await GetWithCookieAsync("/Registry/People", cookie));
        Assert.Equal(SessionEndReason.SignedOut, Assert.Single(await SessionsOfAsync("cunguan")).EndReason);
    }

    [Fact]
    public async Task A_session_idle_for_fifteen_minutes_ends_and_use_within_that_keeps_it_alive()
    {
        var client = await SignInAsync("cunguan", Village);
        Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Clock.Advance(TimeSpan.FromMinutes(15));
        AssertSentToSignIn(await client.GetAsync("/"));
        Assert.Equal(SessionEndReason.Idle, Assert.Single(await SessionsOfAsync("cunguan")).EndReason);
    }

    [Fact]
    public async Task The_sessions_page_lists_the_officers_sessions_and_ends_the_one_chosen()
    {
        await CreateAccountAsync("cunguan", Village);
        var (phone, phoneCookie) = await SignInWithCookieAsync("cunguan");
        Clock.Advance(TimeSpan.FromSeconds(1));
        var desk = await SignInAgainAsync("cunguan");

        var page = await desk.GetStringAsync("/Account/Sessions");
        var ids = EndButton().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Single(Regex.Matches(page, ">本设备</span>"));
        Assert.Contains("最近使用", page);

        var phoneSession = (await SessionsOfAsync("cunguan"))[0].Id.ToString();
        Assert.Contains(phoneSession, ids);
        var end = await PostFormAsync(desk, $"/Account/Sessions?handler=End&id={phoneSession}", [], formPage: "/Account/Sessions");
        Assert.Equal(HttpStatusCode.Redirect, end.StatusCode);

        AssertSentToSignIn(await phone.GetAsync("/"));
        AssertSentToSignIn(await GetWithCookieAsync("/", phoneCookie));
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync("/")).StatusCode);
        Assert.Single(EndButton().Matches(await desk.GetStringAsync("/Account/Sessions")));
    }

    [Fact]
    public async Task An_officer_cannot_end_someone_elses_session()
    {
        await CreateAccountAsync("cunguan", Village);
        var (victim, _) = await SignInWithCookieAsync("cunguan");
        var other = await SignInAsync("linju", "430182106210");
        var victimSession = Assert.Single(await SessionsOfAsync("cunguan")).Id;
        await PostFormAsync(other, $"/Account/Sessions?handler=End&id={victimSession}", [], formPage: "/Account/Sessions");
        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Disabling_a_user_ends_their_live_session_at_once()
    {
        var officer = await SignInAsync("cunguan", Village);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/")).StatusCode);
        var admin = await SignInAsync("xitong", null);
        var id = (await SessionsOfAsync("cunguan"))[0].UserId;

        var disable = await PostFormAsync(admin, $"/Identity/Users/Edit?id={id}&handler=Disable", [], formPage: $"/Identity/Users/Edit?id={id}");
        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);

        AssertSentToSignIn(await officer.GetAsync("/"));
        Assert.Equal(SessionEndReason.Disabled, Assert.Single(await SessionsOfAsync("cunguan")).EndReason);
        var again = await SignInAttemptAsync(Client(), "cunguan", Password);
        Assert.Contains("已停用", await again.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("[?;]id=([0-9a-f-]{36})")]
    private static partial Regex EndButton();
}

public sealed class AbsoluteTimeoutTests : WebTest
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Security:IdleMinutes"] = "600" };

    [Fact]
    public async Task A_session_ends_twelve_hours_after_sign_in_however_busy_it_is()
    {
        var client = await SignInAsync("cunguan", "430182106209");
        foreach (var step in new[] { 3, 3, 3, 2.95 })
        {
            Clock.Advance(TimeSpan.FromHours(step));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        }
        Clock.Advance(TimeSpan.FromMinutes(4)); // 12 h 01 min after sign-in
        AssertSentToSignIn(await client.GetAsync("/"));
        Assert.Equal(SessionEndReason.Absolute, Assert.Single(await SessionsOfAsync("cunguan")).EndReason);
    }
}

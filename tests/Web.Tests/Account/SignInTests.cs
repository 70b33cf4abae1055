using System.Net;
using Bangfu.Web.Tests.Infrastructure;

namespace Bangfu.Web.Tests.Account;

public sealed class SignInTests : WebTest
{
    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_sign_in_page()
    {
        var response = await Client().GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_signed_in_county_officer_sees_their_county_as_scope()
    {
        var client = await SignInAsync("ningxiang", "430182");
        var home = await client.GetStringAsync("/");
        Assert.Contains("宁乡市", home);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_in_chinese()
    {
        await SignInAsync("someone", "430182");
        var response = await PostFormAsync(Client(), "/Account/Login", new() { ["Input.UserName"] = "someone", ["Input.Password"] = "wrong-password-1" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("用户名或密码错误", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        var response = await Client().GetAsync("/Account/Login");
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task A_signed_in_officer_who_opens_the_sign_in_page_goes_on_to_the_home_page()
    {
        var client = await SignInAsync("cunguan", "430182106209");
        var response = await client.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Account_forms_speak_chinese_even_in_their_client_side_checks()
    {
        var officer = await SignInAsync("xianguan", "430182");
        foreach (var page in new[] { "/Account/ChangePassword", "/Account/Tokens" })
        {
            var html = await officer.GetStringAsync(page);
            Assert.DoesNotContain("field is required", html);
            Assert.Contains("data-val-required=\"请", html);
        }
    }

    [Fact]
    public async Task The_home_page_offers_only_what_the_role_may_open()
    {
        var village = await (await SignInAsync("cunguan", "430182106209")).GetStringAsync("/");
        var county = await (await SignInAsync("xianguan", "430182")).GetStringAsync("/");

        Assert.DoesNotContain("<strong>花名册导入</strong>", village);
        Assert.Contains("<strong>月度走访</strong>", village);
        Assert.Contains("<strong>311 服务</strong>", village);
        Assert.Contains("<strong>花名册导入</strong>", county);
    }
}
